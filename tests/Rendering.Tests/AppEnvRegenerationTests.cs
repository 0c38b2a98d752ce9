using Ktrdr.Deploy.Rendering.AppEnv;
using Ktrdr.Deploy.Topology.AppEnvironment;
using TestSupport;

namespace Rendering.Tests;

/// <summary>CheckAppEnv on a small fixture checkout written in the shape of KTRDR's sources (Fixtures/ktrdr-checkout).</summary>
public sealed class AppEnvRegenerationTests : IDisposable
{
    private readonly string checkout = Directory.CreateTempSubdirectory("ktrdr-checkout-").FullName;
    private readonly DeployTree tree = new();
    private string Catalog => Path.Combine(tree.Root, "ktrdr-env.tsv");

    public AppEnvRegenerationTests()
    {
        RepoFiles.CopyTree(Path.Combine(AppContext.BaseDirectory, "Fixtures", "ktrdr-checkout"), checkout);
        Directory.CreateDirectory(Path.Combine(checkout, ".git"));
        File.WriteAllText(Path.Combine(checkout, ".git", "HEAD"), "0123456789abcdef0123456789abcdef01234567\n");
        File.Copy(Path.Combine(DeployTree.RepoRoot, AppEnvCatalog.RepositoryPath), Catalog);
    }

    private AppEnvRegenerationOutcome Run(bool write = false) => AppEnvRegeneration.Run(checkout, tree.Root, Catalog, write);

    [Fact]
    public void Settings_classes_older_names_direct_reads_and_secrets_are_read_from_the_sources()
    {
        var catalog = Run().Regenerated;

        Assert.Equal("github.com/kpiteira/ktrdr at commit 01234567", catalog.SourceReference);
        Assert.Equal(
            ["KTRDR_AUTH_JWT_SECRET", "KTRDR_AUTH_TOKEN_MINUTES", "KTRDR_DB_HOST", "KTRDR_DB_PASSWORD", "KTRDR_WORKER_PUBLIC_BASE_URL",
             "KTRDR_WORKER_PORT", "KTRDR_WORKER_TAGS", "DB_HOST", "STRATEGIES_DIR", "KTRDR_ENV", "NVIDIA_VISIBLE_DEVICES", "CUDA_VISIBLE_DEVICES", "PYTHONPATH"],
            catalog.Variables.Select(v => v.Name));
        Assert.Equal(("DB_HOST", "\"localhost\"", "DatabaseSettings", "ktrdr/config/settings.py:21"),
            (catalog.Read("KTRDR_DB_HOST")!.OlderName, catalog.Read("KTRDR_DB_HOST")!.Default, catalog.Read("KTRDR_DB_HOST")!.ReadBy, catalog.Read("KTRDR_DB_HOST")!.Source));
        Assert.Equal("WORKER_PUBLIC_BASE_URL", catalog.Read("KTRDR_WORKER_PUBLIC_BASE_URL")!.OlderName);
        Assert.Equal(("insecure-dev-secret", 32), (catalog.Read("KTRDR_AUTH_JWT_SECRET")!.InsecureDefault, catalog.Read("KTRDR_AUTH_JWT_SECRET")!.SecretMinLength));
        Assert.Equal("localdev", catalog.Read("KTRDR_DB_PASSWORD")!.InsecureDefault);
        Assert.Equal(("5003", "list()"), (catalog.Read("KTRDR_WORKER_PORT")!.Default, catalog.Read("KTRDR_WORKER_TAGS")!.Default));
        Assert.Equal(("os.environ", "ktrdr/api/startup.py:6,10"), (catalog.Read("DB_HOST")!.ReadBy, catalog.Read("DB_HOST")!.Source));
        Assert.Equal("\"strategies\"", catalog.Read("STRATEGIES_DIR")!.Default);
        Assert.Null(catalog.Read("CLI_ONLY_TOKEN"));
        Assert.Null(catalog.Read("COMMENTED_OUT"));
    }

    [Fact]
    public void A_variable_the_deploy_sets_and_the_checkout_no_longer_reads_fails_at_its_line()
    {
        var outcome = Run();

        Assert.False(outcome.Succeeded);
        var otel = outcome.Problems.First(p => p.IsError && p.Field.EndsWith(".KTRDR_OTEL_OTLP_ENDPOINT"));
        Assert.Contains("does not read KTRDR_OTEL_OTLP_ENDPOINT", otel.Message);
        Assert.Equal(tree.LineOf("environments/homelab/docker-compose.core.yml", "KTRDR_OTEL_OTLP_ENDPOINT"), otel.Line);
        Assert.Contains("KTRDR_OTEL_OTLP_ENDPOINT", outcome.Removed);
    }

    [Fact]
    public void A_required_variable_the_checkout_added_fails()
    {
        File.AppendAllText(Path.Combine(checkout, "ktrdr", "config", "settings.py"),
            "\n\nclass LicenseSettings(BaseSettings):\n    key: str\n\n    model_config = SettingsConfigDict(env_prefix=\"KTRDR_LICENSE_\")\n");

        var problem = Assert.Single(Run().Problems, p => p.Field == "KTRDR_LICENSE_KEY");
        var line = Array.IndexOf(File.ReadAllLines(Path.Combine(checkout, "ktrdr", "config", "settings.py")), "    key: str") + 1;

        Assert.Contains("the checkout added KTRDR_LICENSE_KEY (LicenseSettings) without a default", problem.Message);
        Assert.EndsWith($"ktrdr/config/settings.py:{line}", problem.File);
    }

    [Fact]
    public void Only_with_update_the_catalogue_is_written_and_it_parses_back()
    {
        var before = File.ReadAllText(Catalog);
        Run();
        Assert.Equal(before, File.ReadAllText(Catalog));

        var outcome = Run(write: true);

        var problems = new List<Ktrdr.Deploy.Topology.Diagnostic>();
        var written = AppEnvCatalogFile.Parse(Catalog, File.ReadAllText(Catalog), problems);
        Assert.True(outcome.Written);
        Assert.Empty(problems);
        Assert.Equal(outcome.Regenerated.Variables, written.Variables);
        Assert.Contains("# source: github.com/kpiteira/ktrdr at commit 01234567", File.ReadAllText(Catalog));
    }

    [Fact]
    public void A_folder_that_is_not_a_checkout_is_a_clear_error()
    {
        var problem = Assert.Single(AppEnvRegeneration.Run(tree.Root, tree.Root, Catalog, false).Problems);
        Assert.Equal("--ktrdr-root", problem.Field);
        Assert.Contains("has no ktrdr/ package", problem.Message);
    }

    public void Dispose()
    {
        Directory.Delete(checkout, recursive: true);
        tree.Dispose();
    }
}
