namespace Ktrdr.Deploy.Topology;

/// <summary>
/// One deployment environment (homelab, lab, local) as loaded from
/// <c>deploy/environments/&lt;name&gt;/topology.yml</c>. Immutable; validated on load.
/// </summary>
public sealed record EnvironmentTopology
{
    /// <summary>Environment name; equals the folder name (homelab, lab, local).</summary>
    public required string Name { get; init; }

    /// <summary>Absolute path of the topology.yml it was loaded from (for error messages).</summary>
    public required string SourceFile { get; init; }

    /// <summary>Absolute path of the environment folder (compose files are resolved against it).</summary>
    public required string Directory { get; init; }

    /// <summary>DNS domain of the nodes, e.g. ktrdr.home.mynerd.place.</summary>
    public required string Domain { get; init; }

    /// <summary>KTRDR_API_ENVIRONMENT: development | staging | production.</summary>
    public required ApiEnvironment ApiEnvironment { get; init; }

    public required RegistrySpec Registry { get; init; }

    /// <summary>Logical image name (ktrdr, db, prometheus, grafana, jaeger) → image spec.</summary>
    public required IReadOnlyDictionary<string, ImageSpec> Images { get; init; }

    /// <summary>Secret name (DB_USER, DB_PASSWORD, ...) → provider reference. Never a value.</summary>
    public required IReadOnlyDictionary<string, SecretReference> Secrets { get; init; }

    public required SharedStorage Storage { get; init; }

    /// <summary>Environment-wide non-secret variables written to every node's .env.</summary>
    public required IReadOnlyDictionary<string, string> Env { get; init; }

    /// <summary>Nodes in file order.</summary>
    public required IReadOnlyList<NodeSpec> Nodes { get; init; }

    /// <summary>Where each field of the file was found, by field path (e.g. "nodes.workers-b.host").</summary>
    public required SourceMap SourceMap { get; init; }

    /// <summary>Alertmanager's receiver and intervals; null when the environment does not alert (local).</summary>
    public AlertingSpec? Alerting { get; init; }

    /// <summary>How the stacks run: a compose project per node (default) or one Docker Swarm stack (docs/swarm.md).</summary>
    public DeployEngine Engine { get; init; } = DeployEngine.Compose;

    public NodeSpec? FindNode(string name) =>
        Nodes.FirstOrDefault(n => string.Equals(n.Name, name, StringComparison.OrdinalIgnoreCase));

    public IEnumerable<NodeSpec> NodesWithRole(NodeRole role) => Nodes.Where(n => n.Role == role);

    /// <summary>Absolute path of a compose file as written in a node's compose_files (resolved against <see cref="Directory"/>).</summary>
    public string ComposeFilePath(string composeFile) => Path.GetFullPath(Path.Combine(Directory, composeFile));
}

public enum ApiEnvironment { Development, Staging, Production }

public enum NodeRole { Core, Workers, Gpu }

/// <summary>topology.yml's <c>engine:</c>: <c>compose</c> (each node its own compose project, the tool places the stacks) or <c>swarm</c>.</summary>
public enum DeployEngine { Compose, Swarm }

/// <summary>How compose is invoked on a node: detected, or forced to v2 plugin / v1 standalone.</summary>
public enum ComposeCommand { Auto, DockerCompose, DockerComposeV1 }

public sealed record RegistrySpec
{
    /// <summary>Registry host plus namespace as pushed to, e.g. ghcr.io/acme or 127.0.0.1:5000/ktrdr.</summary>
    public required string Url { get; init; }

    /// <summary>The address nodes pull from, when it differs from <see cref="Url"/> (the lab). Defaults to Url.</summary>
    public required string PullUrl { get; init; }

    /// <summary>User name for docker login; null when the registry needs no login.</summary>
    public string? Username { get; init; }

    /// <summary>Name of the secret holding the registry token (e.g. GHCR_TOKEN); null when no login.</summary>
    public string? TokenSecret { get; init; }

    /// <summary>Registry host (the part of Url before the first '/').</summary>
    public string Host => Url.Split('/')[0];
    public string PullHost => PullUrl.Split('/')[0];
}

public sealed record ImageSpec
{
    /// <summary>Logical name (key in the images map).</summary>
    public required string Key { get; init; }

    /// <summary>Full reference without tag. For images we build, relative to the registry (e.g. ktrdr-backend);
    /// for third-party images a full reference (e.g. timescale/timescaledb).</summary>
    public required string Repository { get; init; }

    /// <summary>Fixed tag for third-party images; null for images we build (they use the deploy tag).</summary>
    public string? Tag { get; init; }

    /// <summary>True when we build and push it (BuildImages/PushGhcr).</summary>
    public required bool Build { get; init; }

    /// <summary>Dockerfile path relative to the deploy root (for images we build), e.g. docker/Dockerfile.</summary>
    public string? Dockerfile { get; init; }

    /// <summary>Name of the .env variable that carries the reference (e.g. KTRDR_IMAGE).</summary>
    public required string EnvVariable { get; init; }
}

public sealed record SharedStorage
{
    public required string Path { get; init; }
    public required int Uid { get; init; }
    public required int Gid { get; init; }
    /// <summary>Octal, e.g. 2775 (parsed from the string "2775").</summary>
    public required int DirectoryMode { get; init; }
    /// <summary>Octal, e.g. 664.</summary>
    public required int FileMode { get; init; }
    public required IReadOnlyList<string> Subdirectories { get; init; }
}

public sealed record SshSpec
{
    public required string User { get; init; }
    public required int Port { get; init; }
    /// <summary>Private key path; may start with ~ or be relative to the repository root.</summary>
    public required string IdentityFile { get; init; }
    /// <summary>known_hosts file checked for every host key.</summary>
    public required string KnownHostsFile { get; init; }
}

public sealed record NodeSpec
{
    /// <summary>Node name (key in the nodes map), e.g. workers-b.</summary>
    public required string Name { get; init; }
    /// <summary>DNS name or address used for SSH and by other nodes, e.g. workers-b.ktrdr.home.mynerd.place.</summary>
    public required string Host { get; init; }
    public required NodeRole Role { get; init; }
    public required SshSpec Ssh { get; init; }
    /// <summary>Compose file names, relative to the environment folder (or to deploy/environments/&lt;other&gt;/ when written as ../other/x.yml).</summary>
    public required IReadOnlyList<string> ComposeFiles { get; init; }
    public required IReadOnlyList<string> Profiles { get; init; }
    /// <summary>Directory on the node the bundle is uploaded to, e.g. /opt/ktrdr-workers-b.</summary>
    public required string DeployDirectory { get; init; }
    public required ComposeCommand ComposeCommand { get; init; }
    /// <summary>Per-node non-secret variables (override environment-wide ones).</summary>
    public required IReadOnlyDictionary<string, string> Env { get; init; }
    /// <summary>Free disk required by the pre-flight check, in GB.</summary>
    public required int MinFreeDiskGb { get; init; }
    /// <summary>
    /// Address to connect to when <see cref="Host"/> does not resolve from the machine running the build
    /// (the lab fills it in at runtime). Never read from YAML; null means "connect to Host".
    /// </summary>
    public string? Address { get; init; }
}

/// <summary>How Alertmanager reaches someone: a webhook (URL in the topology, bearer token secret) or Slack (the webhook URL is the secret).</summary>
public enum AlertReceiverType { Webhook, Slack }

/// <summary>
/// topology.yml's <c>alerting:</c>: one receiver, whose secret is only ever a file in Alertmanager's tmpfs, and the
/// grouping and repeat intervals. <see cref="MaxFor"/> (the lab) shortens every rule's <c>for:</c> so a test waits seconds.
/// </summary>
public sealed record AlertingSpec
{
    public required AlertReceiverType ReceiverType { get; init; }
    public string? ReceiverUrl { get; init; }
    public required string ReceiverSecret { get; init; }
    public required TimeSpan GroupWait { get; init; }
    public required TimeSpan GroupInterval { get; init; }
    public required TimeSpan RepeatInterval { get; init; }
    public TimeSpan? MaxFor { get; init; }
}
