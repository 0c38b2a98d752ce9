using Ktrdr.Deploy.Rendering.Swarm;
using Ktrdr.Deploy.Topology;

namespace Rendering.Tests.Swarm;

/// <summary>Secrets are external Swarm secrets, versioned by their value, read from /run/secrets; never a value in the service spec.</summary>
public class SwarmSecretTests
{
    private static readonly StackInputs Versions = new(new Dictionary<string, string>(),
        new Dictionary<string, string> { ["DB_PASSWORD"] = SwarmNames.Version("hunter2-but-longer"), ["JWT_SECRET"] = "0123456789ab" });

    [Fact]
    public void A_secret_variable_becomes_a_file_under_run_secrets_named_as_the_application_reads_it()
    {
        using var tree = new DeployTree();
        var worker = tree.Stack().Service("workers-b-backtest-worker-1");

        Assert.Null(worker.At("environment", "KTRDR_DB_PASSWORD"));
        Assert.Equal(("DB_PASSWORD", "KTRDR_DB_PASSWORD", "999", "256"), (worker.At("secrets", 1, "source"), worker.At("secrets", 1, "target"),
            worker.At("secrets", 1, "uid"), worker.At("secrets", 1, "mode")));
    }

    [Fact]
    public void No_secret_reference_or_value_is_left_in_the_stack_file()
    {
        using var tree = new DeployTree();
        var stack = tree.Stack(inputs: Versions);

        Assert.DoesNotContain("${", stack.Text);
        Assert.DoesNotContain("hunter2", stack.Text);
        foreach (var secret in new[] { "DB_USER", "DB_PASSWORD", "JWT_SECRET", "ALERT_RECEIVER_SECRET" })
            Assert.Equal("true", stack.Root().At("secrets", secret, "external"));
    }

    [Fact]
    public void A_secret_name_carries_its_version_so_a_new_value_is_a_new_name()
    {
        using var tree = new DeployTree();
        var root = tree.Stack(inputs: Versions).Root();

        Assert.Equal($"ktrdr_DB_PASSWORD_{SwarmNames.Version("hunter2-but-longer")}", root.At("secrets", "DB_PASSWORD", "name"));
        Assert.Equal("ktrdr_DB_USER_pending", root.At("secrets", "DB_USER", "name"));   // RenderConfigs never sees values
        Assert.Matches("^[0-9a-f]{12}$", SwarmNames.Version("x"));
        Assert.Equal(SwarmNames.Version("same"), SwarmNames.Version("same"));
        Assert.NotEqual(SwarmNames.Version("old value"), SwarmNames.Version("new value"));
    }

    [Fact]
    public void Images_are_pinned_by_digest_when_known()
    {
        using var tree = new DeployTree();
        var digest = "sha256:" + new string('a', 64);
        var stack = tree.Stack(inputs: new StackInputs(new Dictionary<string, string> { ["ktrdr"] = digest }, new Dictionary<string, string>()));

        Assert.Equal($"registry.ktrdr.lab:5000/ktrdr/ktrdr-backend:{DeployTree.Tag}@{digest}", stack.Service("workers-c-backtest-worker-1").At("image"));
        Assert.Equal($"registry.ktrdr.lab:5000/ktrdr/ktrdr-lab/postgres:{DeployTree.Tag}", stack.Service("db").At("image"));
    }

    [Fact]
    public void An_image_we_build_that_sets_its_own_entrypoint_runs_the_secrets_entrypoint_first()
    {
        using var tree = new DeployTree();
        var entrypoint = tree.Stack().Service("alertmanager").List("entrypoint");

        Assert.Equal([SwarmSecrets.Entrypoint, "/bin/sh", "-c"], entrypoint.Take(3));
        Assert.Contains("$$ALERT_RECEIVER_SECRET", entrypoint[3]);   // still escaped: docker stack deploy interpolates once more
    }

    [Fact]
    public void Third_party_images_read_the_file_through_their_own_FILE_convention()
    {
        using var tree = new DeployTree();
        var stack = tree.Stack("homelab");

        Assert.Equal("/run/secrets/POSTGRES_PASSWORD", stack.Service("db").At("environment", "POSTGRES_PASSWORD_FILE"));
        Assert.Equal("/run/secrets/GF_SECURITY_ADMIN_PASSWORD", stack.Service("grafana").At("environment", "GF_SECURITY_ADMIN_PASSWORD__FILE"));
    }

    [Fact]
    public void A_third_party_image_with_no_way_to_read_the_file_is_refused()
    {
        using var tree = new DeployTree();
        var d = tree.Stack("homelab").Single("services.alertmanager.environment.ALERT_RECEIVER_SECRET");

        Assert.Equal(tree.LineOf("environments/homelab/docker-compose.core.yml", "ALERT_RECEIVER_SECRET: ${"), d.Line);
        Assert.Contains("nothing in that image reads it back", d.Message);
        Assert.Contains("secrets entrypoint", d.Hint);
    }

    [Fact]
    public void A_secret_inside_a_longer_value_is_refused()
    {
        using var tree = new DeployTree().Replace("environments/homelab/docker-compose.core.yml", "      POSTGRES_DB: ktrdr",
            "      POSTGRES_DB: ktrdr\n      DATABASE_URL: postgres://ktrdr:${DB_PASSWORD:?x}@db/ktrdr");
        var d = tree.Stack().Single("services.db.environment.DATABASE_URL");

        Assert.Contains("inside a longer value", d.Message);
        Assert.Equal(tree.LineOf("environments/homelab/docker-compose.core.yml", "DATABASE_URL:"), d.Line);
    }

    [Fact]
    public void A_secret_named_outside_the_environment_is_refused()
    {
        using var tree = new DeployTree().Replace("environments/homelab/docker-compose.gpu-worker.yml", "--port 5005\n", "--port 5005 --token ${JWT_SECRET}\n");
        var d = tree.Stack().Single("services.gpu-training-worker.command");

        Assert.Contains("names the secret JWT_SECRET", d.Message);
        Assert.DoesNotContain("JWT_SECRET}", tree.Stack().Text);
    }
}
