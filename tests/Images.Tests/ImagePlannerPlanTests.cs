using Ktrdr.Deploy.Images.Tests.Support;
using Ktrdr.Deploy.Topology;
using TestSupport;

namespace Ktrdr.Deploy.Images.Tests;

public sealed class ImagePlannerPlanTests
{
    private static string Deploy(params string[] parts) => Path.GetFullPath(Path.Combine([Samples.DeployRoot, .. parts]));

    private static EnvironmentTopology Homelab => TopologyLoader.Load(Samples.DeployRoot, "homelab");

    private static int LineOf(string file, string text) =>
        Array.FindIndex(File.ReadAllLines(file), l => l.Contains(text, StringComparison.Ordinal)) + 1;

    [Fact]
    public void The_lab_builds_the_standin_from_its_dotnet_project_and_postgres_prometheus_alertmanager_and_node_exporter_from_their_folders()
    {
        var recipes = ImagePlanner.Plan(TopologyLoader.Load(Samples.DeployRoot, "lab"), Samples.DeployRoot, ktrdrRoot: null);

        Assert.Equal(["alertmanager", "db", "ktrdr", "node-exporter", "prometheus"], recipes.Select(r => r.Key).Order(StringComparer.Ordinal));
        Assert.Equal(Deploy("docker", "lab", "alertmanager"), recipes.Single(r => r.Key == "alertmanager").Source);
        Assert.Equal(Deploy("docker", "lab", "node-exporter"), recipes.Single(r => r.Key == "node-exporter").Source);
        var ktrdr = recipes.Single(r => r.Key == "ktrdr");
        Assert.Equal(ContextKind.DotnetPublish, ktrdr.Kind);
        Assert.Equal(Deploy("docker", "standin", "src"), ktrdr.Source);
        Assert.Equal(Deploy("docker", "standin", "Dockerfile"), ktrdr.Dockerfile);
        Assert.Equal("ktrdr/ktrdr-backend", ktrdr.LocalName);

        var db = recipes.Single(r => r.Key == "db");
        Assert.Equal(ContextKind.Folder, db.Kind);
        Assert.Equal(Deploy("docker", "lab", "postgres"), db.Source);
        Assert.Equal("ktrdr/ktrdr-lab/postgres:sha-1", db.Local("sha-1"));

        var prometheus = recipes.Single(r => r.Key == "prometheus");
        Assert.Equal(ContextKind.Folder, prometheus.Kind);
        Assert.Equal(Deploy("docker", "lab", "prometheus"), prometheus.Source);
    }

    [Fact]
    public void The_homelab_application_image_without_a_checkout_points_at_the_topology_line_and_asks_for_ktrdr_root()
    {
        var topologyFile = Path.Combine(Samples.DeployRoot, "environments", "homelab", "topology.yml");
        var line = LineOf(topologyFile, "  ktrdr:");
        Assert.True(line > 1, "test setup: no ktrdr image in the homelab topology");

        var e = Assert.Throws<InvalidInputException>(() => ImagePlanner.Plan(Homelab, Samples.DeployRoot, ktrdrRoot: null));

        var problem = Assert.Single(e.Diagnostics);
        Assert.Equal("images.ktrdr.dockerfile", problem.Field);
        Assert.Equal(line, problem.Line);
        Assert.Contains($"topology.yml:{line}:", e.Message, StringComparison.Ordinal);
        Assert.Contains("images.ktrdr.dockerfile", e.Message, StringComparison.Ordinal);
        Assert.Contains("--ktrdr-root", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_ktrdr_root_that_does_not_exist_is_refused()
    {
        var missing = Path.Combine(Path.GetTempPath(), "ktrdr-no-such-checkout-" + Guid.NewGuid().ToString("N"));
        var e = Assert.Throws<InvalidInputException>(() => ImagePlanner.Plan(Homelab, Samples.DeployRoot, missing));
        Assert.Contains($"--ktrdr-root {missing} does not exist", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_ktrdr_root_without_pyproject_is_not_a_checkout()
    {
        using var folder = new ScratchFolder();
        folder.Write("README.md", "not a checkout");

        var e = Assert.Throws<InvalidInputException>(() => ImagePlanner.Plan(Homelab, Samples.DeployRoot, folder.Path));

        Assert.Equal("images.ktrdr.dockerfile", Assert.Single(e.Diagnostics).Field);
        Assert.Contains("no pyproject.toml", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_ktrdr_checkout_is_the_context_of_the_homelab_application_image_and_gives_its_version()
    {
        using var checkout = new ScratchFolder();
        checkout.Write("pyproject.toml", "[project]\nname = \"ktrdr\"\nversion = \"2.3.4\"\nrequires-python = \">=3.11\"\n");

        var recipe = Assert.Single(ImagePlanner.Plan(Homelab, Samples.DeployRoot, checkout.Path));

        Assert.Equal("ktrdr", recipe.Key);
        Assert.Equal(ContextKind.Checkout, recipe.Kind);
        Assert.Equal(Path.GetFullPath(checkout.Path), recipe.Source);
        Assert.Equal(Deploy("docker", "Dockerfile"), recipe.Dockerfile);
        Assert.Equal("2.3.4", ImagePlanner.SourceVersion(recipe));
    }

    [Fact]
    public void A_topology_naming_a_missing_dockerfile_is_refused_at_that_field()
    {
        var root = Directory.CreateTempSubdirectory("ktrdr-images-deploy-").FullName;
        try
        {
            RepoFiles.CopyTree(Samples.DeployRoot, root);
            var topologyFile = Path.Combine(root, "environments", "lab", "topology.yml");
            File.WriteAllText(topologyFile, File.ReadAllText(topologyFile)
                .Replace("docker/lab/prometheus/Dockerfile", "docker/lab/prometheus/Missing.Dockerfile", StringComparison.Ordinal));

            var e = Assert.Throws<InvalidInputException>(() => ImagePlanner.Plan(TopologyLoader.Load(root, "lab"), root, null));

            var problem = Assert.Single(e.Diagnostics);
            Assert.Equal("images.prometheus.dockerfile", problem.Field);
            Assert.Equal(LineOf(topologyFile, "  prometheus:"), problem.Line);
            Assert.Contains("images.prometheus.dockerfile", e.Message, StringComparison.Ordinal);
            Assert.Contains(Path.Combine(root, "docker", "lab", "prometheus", "Missing.Dockerfile"), e.Message, StringComparison.Ordinal);
        }
        finally { Directory.Delete(root, recursive: true); }
    }

    [Fact]
    public void A_deploy_tree_without_the_secrets_entrypoint_is_refused_naming_the_file_and_how_to_restore_it()
    {
        var root = Directory.CreateTempSubdirectory("ktrdr-images-deploy-").FullName;
        try
        {
            RepoFiles.CopyTree(Samples.DeployRoot, root);
            File.Delete(Path.Combine(root, "docker", "ktrdr-secrets-env"));
            var topologyFile = Path.Combine(root, "environments", "lab", "topology.yml");

            var e = Assert.Throws<InvalidInputException>(() => ImagePlanner.Plan(TopologyLoader.Load(root, "lab"), root, null));

            var problem = Assert.Single(e.Diagnostics);
            Assert.Equal("images", problem.Field);
            Assert.Equal(LineOf(topologyFile, "images:"), problem.Line);
            Assert.Contains(Path.Combine(root, "docker", "ktrdr-secrets-env"), e.Message, StringComparison.Ordinal);
            Assert.Contains("git checkout -- deploy/docker/ktrdr-secrets-env", e.Message, StringComparison.Ordinal);
        }
        finally { Directory.Delete(root, recursive: true); }
    }
}
