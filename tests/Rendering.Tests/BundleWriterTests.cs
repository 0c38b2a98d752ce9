using Ktrdr.Deploy.Rendering.Bundles;

namespace Rendering.Tests;

public class BundleWriterTests
{
    [Fact]
    public void Writes_every_node_with_a_manifest_and_replaces_the_previous_render_whole()
    {
        using var tree = new DeployTree();
        var output = Directory.CreateTempSubdirectory("ktrdr-render-").FullName;
        try
        {
            var bundles = tree.Render().Bundles;
            Directory.CreateDirectory(Path.Combine(output, "homelab", "core"));
            File.WriteAllText(Path.Combine(output, "homelab", "core", "stale.txt"), "from an older render");

            BundleWriter.Write(output, bundles);

            Assert.False(File.Exists(Path.Combine(output, "homelab", "core", "stale.txt")));
            Assert.Equal(["core", "gpu", "workers-b", "workers-c"], Directory.GetDirectories(Path.Combine(output, "homelab")).Select(Path.GetFileName).Order());
            var manifest = File.ReadAllText(Path.Combine(output, "homelab", "workers-b", BundleManifest.FileName));
            var workersB = bundles.Single(b => b.Node.Name == "workers-b");
            Assert.Contains(workersB.Hash, manifest);
            Assert.Equal(workersB.File(".env")!.Content, File.ReadAllText(Path.Combine(output, "homelab", "workers-b", ".env")));
            Assert.Empty(Directory.GetDirectories(Path.Combine(output, "homelab"), ".staging-*"));
        }
        finally { Directory.Delete(output, true); }
    }

    [Fact]
    public async Task Two_runs_writing_the_same_environment_at_once_both_succeed_and_leave_whole_bundles()
    {
        // two deploys started together both run RenderConfigs into one .artifacts/render (lab test C7 once failed here:
        // one run removed the folder the other was removing)
        using var tree = new DeployTree();
        var output = Directory.CreateTempSubdirectory("ktrdr-render-").FullName;
        try
        {
            var bundles = tree.Render().Bundles;
            BundleWriter.Write(output, bundles);

            await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
            {
                for (var i = 0; i < 25; i++) BundleWriter.Write(output, bundles);
            })));

            Assert.Equal(["core", "gpu", "workers-b", "workers-c"], Directory.GetDirectories(Path.Combine(output, "homelab")).Select(Path.GetFileName).Order());
            foreach (var bundle in bundles)
            foreach (var file in bundle.Files)
                Assert.Equal(file.Content, File.ReadAllText(Path.Combine(output, "homelab", bundle.Node.Name, file.Path)));
        }
        finally { Directory.Delete(output, true); }
    }

    [Fact]
    public void The_bundle_hash_changes_with_content_and_only_with_content()
    {
        using var tree = new DeployTree();
        var first = tree.Render().Bundles.Single(b => b.Node.Name == "workers-c");
        var again = tree.Render().Bundles.Single(b => b.Node.Name == "workers-c");
        Assert.Equal(first.Hash, again.Hash);
        Assert.Equal(first.Manifest().Content, again.Manifest().Content);
        tree.Replace("environments/homelab/docker-compose.workers.yml", "stop_grace_period: 30s", "stop_grace_period: 45s");
        Assert.NotEqual(first.Hash, tree.Render().Bundles.Single(b => b.Node.Name == "workers-c").Hash);
    }
}
