using Ktrdr.Deploy.Rendering.Bundles;

namespace Rendering.Tests;

/// <summary>
/// The generated parts of every bundle (.env, prometheus.yml, the file list) for the real topologies, compared
/// with reviewed copies under Golden/. After an intended change: UPDATE_GOLDEN=1 dotnet test, then review the diff.
/// </summary>
public class RenderGoldenTests
{
    public static TheoryData<string> Environments => new() { "homelab", "lab" };

    [Theory]
    [MemberData(nameof(Environments))]
    public void The_real_topology_renders_without_problems(string environment)
    {
        using var tree = new DeployTree();
        tree.Render(environment).AssertClean();
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void Generated_files_match_the_golden_copies(string environment)
    {
        using var tree = new DeployTree();
        var update = Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1";
        foreach (var bundle in tree.Render(environment).Bundles)
        {
            var generated = bundle.Files.Where(f => f.Path is BundleRenderer.EnvFile or BundleRenderer.PrometheusConfig or Ktrdr.Deploy.Rendering.Prometheus.AlertmanagerConfig.BundlePath)
                .Append(new BundleFile("files.txt", string.Join("\n", bundle.Files.Select(f => f.Path).Order(StringComparer.Ordinal)) + "\n"));
            foreach (var file in generated)
            {
                var relative = Path.Combine("Golden", environment, bundle.Node.Name, file.Path);
                if (update)
                {
                    var source = Path.Combine(DeployTree.RepoRoot, "tests", "Rendering.Tests", relative);
                    Directory.CreateDirectory(Path.GetDirectoryName(source)!);
                    File.WriteAllText(source, file.Content);
                    continue;
                }
                var golden = Path.Combine(AppContext.BaseDirectory, relative);
                Assert.True(File.Exists(golden), $"no golden copy {relative}: run UPDATE_GOLDEN=1 dotnet test tests/Rendering.Tests and review it");
                Assert.Equal(File.ReadAllText(golden), file.Content);
            }
        }
    }

    [Fact]
    public void Homelab_scrape_jobs_follow_the_topology_and_active_profiles()
    {
        using var tree = new DeployTree();
        var prometheus = tree.Render().Bundles.Single(b => b.Node.Name == "core").File(BundleRenderer.PrometheusConfig)!.Content;
        Assert.Contains("job_name: ktrdr-backend", prometheus);
        Assert.Contains("'backend:8000'", prometheus);
        Assert.Contains("'workers-b.ktrdr.home.mynerd.place:5003'", prometheus);
        Assert.Contains("'workers-c.ktrdr.home.mynerd.place:5005'", prometheus);
        Assert.Contains("'ktrdr-gpuworker.ktrdr.home.mynerd.place:5005'", prometheus);
        Assert.DoesNotContain(":5004", prometheus);   // scale-2 is not active on any homelab node
        Assert.Equal(4, prometheus.Split("metrics_path: /metrics/").Length - 1);
    }

    [Fact]
    public void Activating_a_profile_adds_its_ports_to_the_scrape_targets()
    {
        using var tree = new DeployTree().Replace("environments/homelab/topology.yml", "deploy_dir: /opt/ktrdr-workers-b", "deploy_dir: /opt/ktrdr-workers-b\n    profiles: [scale-2]");
        var prometheus = tree.Render().Bundles.Single(b => b.Node.Name == "core").File(BundleRenderer.PrometheusConfig)!.Content;
        Assert.Contains("'workers-b.ktrdr.home.mynerd.place:5004'", prometheus);
        Assert.Contains("'workers-b.ktrdr.home.mynerd.place:5006'", prometheus);
        Assert.DoesNotContain("'workers-c.ktrdr.home.mynerd.place:5004'", prometheus);
    }

    [Fact]
    public void Env_files_hold_identity_and_image_references_but_no_secret_names_or_values()
    {
        using var tree = new DeployTree();
        var bundle = tree.Render().Bundles.Single(b => b.Node.Name == "workers-b");
        var env = bundle.File(BundleRenderer.EnvFile)!.Content;
        Assert.Contains("NODE_NAME=workers-b\n", env);
        Assert.Contains("NODE_HOST=workers-b.ktrdr.home.mynerd.place\n", env);
        Assert.Contains("BACKEND_HOST=backend.ktrdr.home.mynerd.place\n", env);
        Assert.Contains($"KTRDR_IMAGE=", env);
        Assert.Contains($":{DeployTree.Tag}\n", env);
        foreach (var secret in new[] { "DB_PASSWORD", "DB_USER", "JWT_SECRET", "GF_ADMIN_PASSWORD", "GHCR_TOKEN" })
            Assert.DoesNotContain(secret + "=", env);
    }
}
