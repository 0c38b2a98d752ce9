namespace Ktrdr.Deploy.Topology.Tests;

/// <summary>The repository's own deploy/environments/*/topology.yml load cleanly and say what the seeds say.</summary>
public sealed class RealTopologyTests
{
    private static readonly string DeployRoot = FindDeployRoot();

    [Fact]
    public void The_repository_has_the_three_environments() =>
        Assert.Equal(["homelab", "lab", "local"], TopologyLoader.AvailableEnvironments(DeployRoot));

    [Fact]
    public void Every_environment_keeps_the_compose_engine() =>
        Assert.All(TopologyLoader.AvailableEnvironments(DeployRoot), e => Assert.Equal(DeployEngine.Compose, TopologyLoader.Load(DeployRoot, e).Engine));

    [Fact]
    public void Homelab_matches_the_seed_plan()
    {
        var homelab = TopologyLoader.Load(DeployRoot, "homelab");

        Assert.Equal(("ktrdr.home.mynerd.place", ApiEnvironment.Production), (homelab.Domain, homelab.ApiEnvironment));
        AssertNodes(homelab,
            ("core", "backend.ktrdr.home.mynerd.place", NodeRole.Core, "/opt/ktrdr-core"),
            ("workers-b", "workers-b.ktrdr.home.mynerd.place", NodeRole.Workers, "/opt/ktrdr-workers-b"),
            ("workers-c", "workers-c.ktrdr.home.mynerd.place", NodeRole.Workers, "/opt/ktrdr-workers-c"),
            ("gpu", "ktrdr-gpuworker.ktrdr.home.mynerd.place", NodeRole.Gpu, "/opt/ktrdr-gpu"));
        Assert.Equal(["observability"], homelab.FindNode("core")!.Profiles);
        Assert.Empty(homelab.FindNode("workers-b")!.Profiles);
        Assert.NotEqual("root", homelab.FindNode("gpu")!.Ssh.User);
        Assert.Equal("root", homelab.FindNode("core")!.Ssh.User);
        Assert.Equal("nvidia", homelab.FindNode("gpu")!.Env["GPU_RUNTIME"]);
        Assert.All(homelab.Secrets.Values, s => Assert.StartsWith("op://KTRDR Homelab Secrets/ktrdr-homelab-core/", s.Locator));
        Assert.Equal(["DB_USER", "DB_PASSWORD", "JWT_SECRET", "GF_ADMIN_PASSWORD", "GHCR_TOKEN", "ALERT_RECEIVER_SECRET"], homelab.Secrets.Keys);
        Assert.Equal(("ghcr.io", "GHCR_TOKEN"), (homelab.Registry.Host, homelab.Registry.TokenSecret));
        Assert.Equal(["ktrdr"], homelab.Images.Values.Where(i => i.Build).Select(i => i.Key));
        AssertSharedStorage(homelab.Storage);
    }

    [Fact]
    public void Lab_mirrors_the_homelab_with_local_substitutes()
    {
        var lab = TopologyLoader.Load(DeployRoot, "lab");

        Assert.Equal(("ktrdr.lab", ApiEnvironment.Development), (lab.Domain, lab.ApiEnvironment));
        AssertNodes(lab,
            ("core", "backend.ktrdr.lab", NodeRole.Core, "/opt/ktrdr-core"),
            ("workers-b", "workers-b.ktrdr.lab", NodeRole.Workers, "/opt/ktrdr-workers-b"),
            ("workers-c", "workers-c.ktrdr.lab", NodeRole.Workers, "/opt/ktrdr-workers-c"),
            ("gpu", "ktrdr-gpuworker.ktrdr.lab", NodeRole.Gpu, "/opt/ktrdr-gpu"));
        Assert.Equal("ktrdr", lab.FindNode("gpu")!.Ssh.User);
        Assert.All(lab.Nodes, n => Assert.Equal((".artifacts/lab/ssh/id_ed25519", ".artifacts/lab/ssh/known_hosts", 2),
            (n.Ssh.IdentityFile, n.Ssh.KnownHostsFile, n.MinFreeDiskGb)));
        Assert.Empty(lab.FindNode("core")!.Profiles);
        Assert.Equal("runc", lab.FindNode("gpu")!.Env["GPU_RUNTIME"]);
        Assert.Equal(("127.0.0.1:5000/ktrdr", "registry.ktrdr.lab:5000/ktrdr", "ktrdr", "GHCR_TOKEN"),
            (lab.Registry.Url, lab.Registry.PullUrl, lab.Registry.Username, lab.Registry.TokenSecret));
        Assert.All(lab.Secrets.Values, s => Assert.Equal((SecretProvider.File, $".artifacts/lab/secrets/{s.Name}"), (s.Provider, s.Locator)));
        Assert.Equal(["ktrdr", "db", "prometheus", "alertmanager", "node-exporter", "grafana", "jaeger"], lab.Images.Keys);
        Assert.All(lab.Images.Values.Take(5), i => Assert.True(i.Build && i.Tag is null && i.Dockerfile is not null));
        // Named only because compose interpolates services whose profile is off; never built or pulled in the lab.
        Assert.All(lab.Images.Values.Skip(5), i => Assert.False(i.Build));
        var homelabFolder = Path.Combine(DeployRoot, "environments", "homelab");
        Assert.All(lab.Nodes, n => Assert.Equal(homelabFolder, Path.GetDirectoryName(lab.ComposeFilePath(n.ComposeFiles.Single()))));
        AssertSharedStorage(lab.Storage);
    }

    [Fact]
    public void Local_is_one_core_node_with_secrets_from_the_shell()
    {
        var local = TopologyLoader.Load(DeployRoot, "local");

        var node = Assert.Single(local.Nodes);
        Assert.Equal(("local", "localhost", NodeRole.Core, "/opt/ktrdr-local"), (node.Name, node.Host, node.Role, node.DeployDirectory));
        Assert.Equal(["docker-compose.yml"], node.ComposeFiles);
        Assert.Equal(["workers", "alerting"], node.Profiles);
        Assert.All(local.Secrets.Values, s => Assert.Equal((SecretProvider.Environment, s.Name), (s.Provider, s.Locator)));
        Assert.Equal((AlertReceiverType.Slack, "ALERT_RECEIVER_SECRET"), (local.Alerting!.ReceiverType, local.Alerting.ReceiverSecret));
        Assert.Equal((1533, 436), (local.Storage.DirectoryMode, local.Storage.FileMode));
    }

    private static void AssertNodes(EnvironmentTopology topology, params (string Name, string Host, NodeRole Role, string DeployDir)[] expected) =>
        Assert.Equal(expected, topology.Nodes.Select(n => (n.Name, n.Host, n.Role, n.DeployDirectory)));

    private static void AssertSharedStorage(SharedStorage storage)
    {
        Assert.Equal(("/mnt/ktrdr_data", 999, 1500), (storage.Path, storage.Uid, storage.Gid));
        Assert.Equal(Convert.ToInt32("2775", 8), storage.DirectoryMode);
        Assert.Equal(Convert.ToInt32("664", 8), storage.FileMode);
        Assert.Equal(["data", "results", "models", "db-backups"], storage.Subdirectories);
    }

    /// <summary>The repository's deploy/ folder, found upwards from the test assembly.</summary>
    private static string FindDeployRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "deploy", "environments");
            if (Directory.Exists(candidate)) return Path.Combine(dir.FullName, "deploy");
        }
        throw new InvalidOperationException("deploy/environments not found above " + AppContext.BaseDirectory);
    }
}
