using Ktrdr.Deploy.Topology.Tests.Support;

namespace Ktrdr.Deploy.Topology.Tests;

/// <summary>What a valid file turns into: values, defaults, octal modes, positions, the allowed variants.</summary>
public sealed class ValidTopologyTests : IDisposable
{
    private readonly TopologyWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public void Reads_every_section()
    {
        var topology = _workspace.Load(ValidTopology.Yaml);

        Assert.Equal("staging", topology.Name);
        Assert.Equal(ApiEnvironment.Staging, topology.ApiEnvironment);
        Assert.Equal(_workspace.EnvironmentFolder("staging"), topology.Directory);
        Assert.Equal(("ghcr.io", "ghcr.io/acme", "acme", "GHCR_TOKEN"),
            (topology.Registry.Host, topology.Registry.PullUrl, topology.Registry.Username, topology.Registry.TokenSecret));
        Assert.Equal(["core", "workers-b", "gpu"], topology.Nodes.Select(n => n.Name));
        Assert.Equal([NodeRole.Core, NodeRole.Workers, NodeRole.Gpu], topology.Nodes.Select(n => n.Role));
        Assert.Equal("info", topology.Env["LOG_LEVEL"]);
        Assert.Equal("2", topology.FindNode("workers-b")!.Env["WORKER_SLOTS"]);
        Assert.Null(topology.FindNode("core")!.Address);
    }

    [Fact]
    public void Images_keep_build_flags_tags_and_variables()
    {
        var images = _workspace.Load(ValidTopology.Yaml).Images;

        Assert.Equal(new ImageSpec { Key = "ktrdr", Repository = "ktrdr-backend", Build = true, Dockerfile = "docker/Dockerfile", EnvVariable = "KTRDR_IMAGE" },
            images["ktrdr"]);
        Assert.Equal(("timescale/timescaledb", "2.17.2-pg16", false), (images["db"].Repository, images["db"].Tag, images["db"].Build));
    }

    [Fact]
    public void Secret_references_are_split_into_provider_and_locator()
    {
        var secrets = _workspace.Load(ValidTopology.Yaml).Secrets;

        Assert.Equal(new SecretReference("DB_USER", SecretProvider.OnePassword, "op://Vault/item/db_username"), secrets["DB_USER"]);
        Assert.Equal(new SecretReference("JWT_SECRET", SecretProvider.Environment, "JWT_SECRET"), secrets["JWT_SECRET"]);
        Assert.Equal(new SecretReference("GHCR_TOKEN", SecretProvider.File, "secrets/ghcr"), secrets["GHCR_TOKEN"]);
    }

    [Fact]
    public void Modes_are_octal_whether_quoted_or_written_as_numbers()
    {
        var storage = _workspace.Load(ValidTopology.Yaml).Storage;

        Assert.Equal(Convert.ToInt32("2775", 8), storage.DirectoryMode);   // written "2775"
        Assert.Equal(1533, storage.DirectoryMode);
        Assert.Equal(436, storage.FileMode);                               // written 664, unquoted
        Assert.Equal((999, 1500, "/mnt/data"), (storage.Uid, storage.Gid, storage.Path));
        Assert.Equal(["data", "models"], storage.Subdirectories);
    }

    [Fact]
    public void Node_settings_override_defaults_field_by_field()
    {
        var topology = _workspace.Load(ValidTopology.Yaml);

        Assert.Equal(("root", 22, "~/.ssh/id_ed25519"), Ssh(topology, "core"));
        Assert.Equal(("root", 2222, "~/.ssh/id_ed25519"), Ssh(topology, "workers-b"));
        Assert.Equal(("karl", 22, "~/.ssh/id_ed25519"), Ssh(topology, "gpu"));
        Assert.All(topology.Nodes, n => Assert.Equal((5, ComposeCommand.Auto), (n.MinFreeDiskGb, n.ComposeCommand)));
    }

    [Fact]
    public void Built_in_defaults_apply_when_the_file_has_none()
    {
        var yaml = ValidTopology.With("  compose_command: auto\n  min_free_disk_gb: 5\n", "");
        var node = _workspace.Load(yaml).FindNode("core")!;

        Assert.Equal((20, ComposeCommand.Auto), (node.MinFreeDiskGb, node.ComposeCommand));
    }

    [Fact]
    public void Source_map_points_at_every_field()
    {
        var topology = _workspace.Load(ValidTopology.Yaml);
        var file = _workspace.TopologyFile();

        Assert.Equal(ProblemAssert.LineOf(file, "port: 2222"), topology.SourceMap.Find("nodes.workers-b.ssh.port").Line);
        Assert.Equal(new SourcePosition(ProblemAssert.LineOf(file, "gpu.example.org"), 5), topology.SourceMap.Find("nodes.gpu.host"));
        Assert.Equal(ProblemAssert.LineOf(file, "[observability]"), topology.SourceMap.Find("nodes.core.profiles[0]").Line);
        Assert.Equal(ProblemAssert.LineOf(file, "db_password"), topology.SourceMap.Find("secrets.DB_PASSWORD").Line);
    }

    [Fact]
    public void A_node_may_be_given_by_ip_address()
    {
        var topology = _workspace.Load(ValidTopology.With("    host: gpu.example.org", "    host: 10.42.0.13"));

        Assert.Equal("10.42.0.13", topology.FindNode("gpu")!.Host);
    }

    [Fact]
    public void A_single_core_node_is_a_complete_environment()
    {
        var yaml = ValidTopology.Yaml[..ValidTopology.Yaml.IndexOf("  workers-b:", StringComparison.Ordinal)];

        var topology = _workspace.Load(yaml);

        Assert.Equal(NodeRole.Core, Assert.Single(topology.Nodes).Role);
    }

    [Fact]
    public void The_local_environment_needs_no_database_secrets()
    {
        var yaml = ValidTopology.With("name: staging", "name: local");
        yaml = ValidTopology.Edit(yaml, "  DB_USER: op://Vault/item/db_username\n  DB_PASSWORD: op://Vault/item/db_password\n", "");

        Assert.Equal(["JWT_SECRET", "GHCR_TOKEN", "ALERT_TOKEN"], _workspace.Load(yaml, "local").Secrets.Keys);
    }

    [Fact]
    public void Compose_files_of_another_environment_are_reached_with_dot_dot()
    {
        _workspace.WriteFile("shared", "docker-compose.gpu.yml", ValidTopology.ComposeFiles["docker-compose.gpu.yml"]);
        var topology = _workspace.Load(ValidTopology.With("[docker-compose.gpu.yml]", "[../shared/docker-compose.gpu.yml]"));

        var gpu = topology.FindNode("gpu")!;
        Assert.Equal(Path.Combine(_workspace.EnvironmentFolder("shared"), "docker-compose.gpu.yml"), topology.ComposeFilePath(gpu.ComposeFiles[0]));
    }

    [Fact]
    public void Profiles_inherited_through_a_merge_key_count_as_declared()
    {
        var node = _workspace.Load(ValidTopology.Yaml).FindNode("workers-b")!;

        Assert.Equal(["scale-2"], node.Profiles);
    }

    [Fact]
    public void Environments_are_the_folders_holding_a_topology_file()
    {
        _workspace.Write(ValidTopology.Yaml);
        _workspace.Write(ValidTopology.With("name: staging", "name: alpha"), "alpha");
        Directory.CreateDirectory(_workspace.EnvironmentFolder("empty"));

        Assert.Equal(["alpha", "staging"], TopologyLoader.AvailableEnvironments(_workspace.DeployRoot));
        Assert.Equal("alpha", TopologyLoader.Load(_workspace.DeployRoot, "alpha").Name);
    }

    private static (string, int, string) Ssh(EnvironmentTopology topology, string node)
    {
        var ssh = topology.FindNode(node)!.Ssh;
        return (ssh.User, ssh.Port, ssh.IdentityFile);
    }
}
