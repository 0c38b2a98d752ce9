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
