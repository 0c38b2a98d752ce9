using Ktrdr.Deploy.Rendering;
using Ktrdr.Deploy.Rendering.Checks;
using Ktrdr.Deploy.Rendering.Tools;
using Ktrdr.Deploy.Topology;

namespace Rendering.Tests;

/// <summary>
/// Every application container gets only what the application reads (deploy/app/ktrdr-env.tsv): each bad input is
/// reported at its file and line with what to write instead.
/// </summary>
public class AppEnvironmentCheckTests
{
    private const string Workers = "environments/homelab/docker-compose.workers.yml";
    private const string Core = "environments/homelab/docker-compose.core.yml";
    private const string Gpu = "environments/homelab/docker-compose.gpu-worker.yml";
    private const string Local = "environments/local/docker-compose.yml";
    private const string Check = "application environment";

    private static RenderOutcome Render(DeployTree tree, string environment = "homelab") =>
        RenderPipeline.Run(tree.Topology(environment), tree.Root, DeployTree.Tag, new ProcessToolRunner(),
            [new AppEnvironmentCheck(), new ComposeDefaultsCheck()]);

    private static List<Diagnostic> Errors(RenderOutcome outcome) =>
        [.. outcome.Checks.Single(c => c.Check == Check).Diagnostics.Where(d => d.IsError)];

    [Theory]
    [InlineData("homelab")]
    [InlineData("lab")]
    [InlineData("local")]
    public void The_real_deploy_files_give_the_application_only_what_it_reads(string environment)
    {
        using var tree = new DeployTree();
        var outcome = Render(tree, environment);
        Assert.True(outcome.AllDiagnostics.Any() == false, string.Join("\n", outcome.AllDiagnostics));
    }

    [Fact]
    public void A_secret_under_a_name_the_application_does_not_read_is_an_error_with_the_real_name()
    {
        using var tree = new DeployTree().Replace(Core, "KTRDR_AUTH_JWT_SECRET: ${JWT_SECRET", "JWT_SECRET: ${JWT_SECRET");
        var errors = Errors(Render(tree));
        var unread = errors.Single(e => e.Field == "services.backend.environment.JWT_SECRET");
        Assert.EndsWith(Core, unread.File);
        Assert.Equal(tree.LineOf(Core, "JWT_SECRET: ${JWT_SECRET"), unread.Line);
        Assert.Contains("does not read JWT_SECRET (service backend)", unread.Message);
        Assert.StartsWith("did you mean KTRDR_AUTH_JWT_SECRET?", unread.Hint);
        var missing = errors.Single(e => e.Message.Contains("does not receive KTRDR_AUTH_JWT_SECRET"));
        Assert.Contains("its secret arrives as JWT_SECRET", missing.Message);
        Assert.Contains("insecure-dev-secret", missing.Message);
        Assert.Equal(2, errors.Count);
    }

    [Fact]
    public void A_container_without_a_secret_it_checks_at_start_is_an_error()
    {
        using var tree = new DeployTree().Replace(Gpu, "      KTRDR_AUTH_JWT_SECRET: ${JWT_SECRET:?JWT_SECRET is injected at deploy time}\n", "");
        var d = Assert.Single(Errors(Render(tree)));
        Assert.EndsWith(Gpu, d.File);
        Assert.Equal(tree.LineOf(Gpu, "gpu-training-worker:"), d.Line);
        Assert.Contains("service gpu-training-worker does not receive KTRDR_AUTH_JWT_SECRET", d.Message);
    }

    [Fact]
    public void A_secret_variable_with_a_value_written_in_the_file_is_an_error()
    {
        using var tree = new DeployTree().Replace(Core, "KTRDR_DB_PASSWORD: ${DB_PASSWORD:?DB_PASSWORD is injected at deploy time}", "KTRDR_DB_PASSWORD: hunter2");
        var d = Assert.Single(Errors(Render(tree)));
        Assert.Equal("services.backend.environment.KTRDR_DB_PASSWORD", d.Field);
        Assert.Contains("is not one of the topology's secrets", d.Message);
        Assert.DoesNotContain("hunter2", d.ToString());
    }

    [Fact]
    public void A_variable_nothing_reads_is_an_error_naming_service_file_and_line()
    {
        using var tree = new DeployTree().Replace(Workers, "  STRATEGIES_DIR:", "  SHARED_MOUNT_PATH: /mnt/ktrdr_data\n  STRATEGIES_DIR:");
        var d = Assert.Single(Errors(Render(tree)).DistinctBy(e => e.Line));
        Assert.EndsWith(Workers, d.File);
        Assert.Equal(tree.LineOf(Workers, "SHARED_MOUNT_PATH"), d.Line);
        Assert.Contains("does not read SHARED_MOUNT_PATH", d.Message);
    }

    [Fact]
    public void A_misspelt_name_suggests_the_nearest_real_one()
    {
        using var tree = new DeployTree().Replace(Core, "KTRDR_DATA_MODELS_DIR:", "KTRDR_DATA_MODEL_DIR:");
        var d = Assert.Single(Errors(Render(tree)));
        Assert.StartsWith("did you mean KTRDR_DATA_MODELS_DIR?", d.Hint);
    }

    [Fact]
    public void A_deprecated_name_is_a_warning_with_its_replacement()
    {
        using var tree = new DeployTree().Replace(Core, "KTRDR_OTEL_OTLP_ENDPOINT:", "OTLP_ENDPOINT:");
        var outcome = Render(tree);
        Assert.Empty(Errors(outcome));
        var d = Assert.Single(outcome.AllDiagnostics);
        Assert.Equal(DiagnosticSeverity.Warning, d.Severity);
        Assert.Contains("OTLP_ENDPOINT is the older name of KTRDR_OTEL_OTLP_ENDPOINT", d.Message);
        Assert.Equal("rename it to KTRDR_OTEL_OTLP_ENDPOINT", d.Hint);
    }

    [Fact]
    public void A_production_environment_without_KTRDR_ENV_production_is_an_error()
    {
        using var tree = new DeployTree().Replace(Core, "      KTRDR_ENV: ${KTRDR_API_ENVIRONMENT:?KTRDR_API_ENVIRONMENT is set by the deploy tool}\n", "");
        var d = Assert.Single(Errors(Render(tree)));
        Assert.Equal("services.backend.environment.KTRDR_ENV", d.Field);
        Assert.Contains("homelab has api_environment production but on node core KTRDR_ENV is not set", d.Message);
    }

    [Fact]
    public void KTRDR_ENV_that_is_not_production_in_production_is_an_error_but_development_is_fine_in_the_lab()
    {
        using var tree = new DeployTree().Replace(Core, "KTRDR_ENV: ${KTRDR_API_ENVIRONMENT:?KTRDR_API_ENVIRONMENT is set by the deploy tool}", "KTRDR_ENV: development");
        Assert.Contains("KTRDR_ENV is \"development\"", Assert.Single(Errors(Render(tree))).Message);
        Assert.Empty(Errors(Render(tree, "lab")));
    }

    [Fact]
    public void Acknowledging_insecure_defaults_in_production_is_an_error()
    {
        using var tree = new DeployTree().Replace(Core, "      KTRDR_ENV:", "      KTRDR_ACKNOWLEDGE_INSECURE_DEFAULTS: \"true\"\n      KTRDR_ENV:");
        Assert.Equal("services.backend.environment.KTRDR_ACKNOWLEDGE_INSECURE_DEFAULTS", Assert.Single(Errors(Render(tree))).Field);
    }

    [Fact]
    public void Local_gives_every_container_the_jwt_secret_under_the_application_name()
    {
        using var tree = new DeployTree().Replace(Local, "  KTRDR_AUTH_JWT_SECRET: ${JWT_SECRET", "  JWT_SECRET: ${JWT_SECRET");
        Assert.Contains(Errors(Render(tree, "local")), e => e.Message.Contains("service backend does not receive KTRDR_AUTH_JWT_SECRET"));
    }

    [Fact]
    public void A_container_written_with_the_image_repository_is_checked_too()
    {
        using var tree = new DeployTree().Replace(Core, "${KTRDR_IMAGE:?KTRDR_IMAGE is set by the deploy tool}", "ghcr.io/kpiteira/ktrdr-backend:${IMAGE_TAG:?x}")
            .Replace(Core, "KTRDR_OTEL_OTLP_ENDPOINT:", "KTRDR_OTEL_ENDPOINT:");
        Assert.Contains(Errors(Render(tree)), e => e.Field == "services.backend.environment.KTRDR_OTEL_ENDPOINT");
    }
}
