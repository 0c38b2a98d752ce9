using Ktrdr.Deploy.Rollout;
using Ktrdr.Deploy.Rollout.Deploy;
using Ktrdr.Deploy.Topology;
using Rollout.Tests.Support;

namespace Rollout.Tests;

/// <summary>A small fake bundle, laid out as RenderConfigs writes it, in a scratch render root.</summary>
public class NodeBundleTests : IDisposable
{
    private const string Hash = "3f2a9c01d4e5f60718293a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d";
    private const string KtrdrImage = "registry.ktrdr.lab:5000/ktrdr/ktrdr-backend:sha-7c8143b";

    private const string Compose = """
        # GF_ADMIN_PASSWORD would only be read by grafana: ${GF_ADMIN_PASSWORD}
        services:
          backtest-worker-1:
            image: ${KTRDR_IMAGE:?KTRDR_IMAGE is set by the deploy tool}
            environment:
              JWT_SECRET: ${JWT_SECRET:?x}
              DB_PASSWORD: ${DB_PASSWORD}
              DB_USER: $DB_USER
              REGISTRY_TOKEN: ${GHCR_TOKEN:-}
              KTRDR_WORKER_ID: ${NODE_NAME:?x}-backtest-1
              METRICS_IMAGE: ${PROMETHEUS_IMAGE:-none}
              PRICE: $$5
        """;

    private const string DotEnv = """
        # lab/workers-b: written by ./build.sh RenderConfigs.

        KTRDR_IMAGE=registry.ktrdr.lab:5000/ktrdr/ktrdr-backend:sha-7c8143b
        DB_IMAGE=registry.ktrdr.lab:5000/ktrdr/ktrdr-lab/postgres:sha-7c8143b
        NODE_NAME=workers-b
        """;

    private readonly string _renderRoot = Directory.CreateTempSubdirectory("ktrdr-rollout-").FullName;
    private readonly EnvironmentTopology _lab = Nodes.Lab();
    private readonly NodeSpec _node;

    public NodeBundleTests() => _node = _lab.FindNode("workers-b")!;

    public void Dispose() => Directory.Delete(_renderRoot, recursive: true);

    private string BundleDirectory => Path.Combine(_renderRoot, "lab", "workers-b");

    private void Write(string name, string content)
    {
        Directory.CreateDirectory(BundleDirectory);
        File.WriteAllText(Path.Combine(BundleDirectory, name), content);
    }

    private void WriteBundle(string node = "workers-b")
    {
        Write("manifest.json", $$"""{ "environment": "lab", "node": "{{node}}", "tag": "sha-7c8143b", "bundleHash": "{{Hash}}", "files": [] }""");
        Write(".env", DotEnv);
        Write("docker-compose.workers.yml", Compose);
    }

    [Fact]
    public void Load_reads_the_directory_and_the_hash_and_tag_of_the_manifest()
    {
        WriteBundle();

        var bundle = NodeBundle.Load(_renderRoot, _lab, _node);

        Assert.Equal(BundleDirectory, bundle.Directory);
        Assert.Equal(Hash, bundle.Hash);
        Assert.Equal("sha-7c8143b", bundle.Tag);   // a deploy of another tag refuses this bundle
    }

    [Fact]
    public void EnvImages_hold_only_image_variables_the_compose_files_reference_and_the_env_sets()
    {
        WriteBundle();

        var bundle = NodeBundle.Load(_renderRoot, _lab, _node);

        // DB_IMAGE is set but not referenced; PROMETHEUS_IMAGE referenced but not set; NODE_NAME is no image
        Assert.Equal(new Dictionary<string, string> { ["KTRDR_IMAGE"] = KtrdrImage }, bundle.EnvImages);
    }

    [Fact]
    public void SecretNames_hold_the_referenced_topology_secrets_sorted_without_the_registry_token()
    {
        WriteBundle();

        var bundle = NodeBundle.Load(_renderRoot, _lab, _node);

        Assert.Equal(["DB_PASSWORD", "DB_USER", "JWT_SECRET"], bundle.SecretNames);
        Assert.DoesNotContain("GHCR_TOKEN", bundle.SecretNames);
    }

    [Fact]
    public void Every_compose_file_of_the_node_counts_by_its_file_name()
    {
        WriteBundle();
        Write("docker-compose.extra.yml", "services:\n  x:\n    image: ${DB_IMAGE}\n    environment: { GF: \"${GF_ADMIN_PASSWORD:?x}\" }\n");
        var node = _node with { ComposeFiles = [.. _node.ComposeFiles, "../homelab/docker-compose.extra.yml"] };

        var bundle = NodeBundle.Load(_renderRoot, _lab, node);

        Assert.Equal(["DB_IMAGE", "KTRDR_IMAGE"], bundle.EnvImages.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("GF_ADMIN_PASSWORD", bundle.SecretNames);
    }

    [Fact]
    public void Services_are_the_ones_the_nodes_profiles_run_in_file_order()
    {
        WriteBundle();
        Write("docker-compose.workers.yml", Compose + """

              backtest-worker-2:
                image: ${KTRDR_IMAGE:?x}
                profiles: ["scale-2"]
              training-worker-1:
                image: ${KTRDR_IMAGE:?x}
            """);

        Assert.Equal(["backtest-worker-1", "training-worker-1"], NodeBundle.Load(_renderRoot, _lab, _node).Services);
        Assert.Equal(["backtest-worker-1", "backtest-worker-2", "training-worker-1"],
            NodeBundle.Load(_renderRoot, _lab, _node with { Profiles = ["scale-2"] }).Services);
    }

    [Fact]
    public void A_missing_manifest_says_to_run_RenderConfigs()
    {
        var error = Assert.Throws<RolloutException>(() => NodeBundle.Load(_renderRoot, _lab, _node));

        Assert.Contains("RenderConfigs", error.Message);
        Assert.Contains("workers-b", error.Message);
    }

    [Fact]
    public void The_manifest_of_another_node_is_refused()
    {
        WriteBundle(node: "workers-c");

        var error = Assert.Throws<RolloutException>(() => NodeBundle.Load(_renderRoot, _lab, _node));

        Assert.Contains("workers-b", error.Message);
        Assert.Contains("RenderConfigs", error.Message);
    }

    [Fact]
    public void A_manifest_without_a_hash_is_refused()
    {
        WriteBundle();
        Write("manifest.json", """{ "node": "workers-b" }""");

        Assert.Throws<RolloutException>(() => NodeBundle.Load(_renderRoot, _lab, _node));
    }

    [Fact]
    public void ReadEnv_skips_comments_and_blank_lines_keeps_equals_in_values_and_takes_the_last_value()
    {
        Write(".env", "# comment\n\nA=1\n  B=x  \nURL=http://h/?q=1&r=2\nA=2\nnot a pair\n");

        var env = NodeBundle.ReadEnv(Path.Combine(BundleDirectory, ".env"));

        Assert.Equal("2", env["A"]);
        Assert.Equal("http://h/?q=1&r=2", env["URL"]);
        Assert.Equal("x", env["B"]);
        Assert.Equal(["A", "B", "URL"], env.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void ReadEnv_of_a_missing_file_is_empty() =>
        Assert.Empty(NodeBundle.ReadEnv(Path.Combine(_renderRoot, "nothing", ".env")));
}
