using Ktrdr.Deploy.Remote;
using Ktrdr.Deploy.Rollout.Deploy;
using Ktrdr.Deploy.Secrets;
using Ktrdr.Deploy.Topology;

namespace Ktrdr.Deploy.Rollout.Orchestration;

/// <summary>A node's one connection for the whole run (opened on first use, then reused).</summary>
public interface INodeConnections
{
    Task<ICommandExecutor> ConnectAsync(NodeSpec node, CancellationToken ct);
}

/// <summary>Secret values for an environment, fetched once per run and masked in every log.</summary>
public interface ISecretSource
{
    Task<SecretSet> FetchAsync(EnvironmentTopology env, IEnumerable<string> names, CancellationToken ct);
}

/// <summary>What each image variable of a node's bundle resolves to now (a registry digest for images we build).</summary>
public interface IImageIdentities
{
    Task<IReadOnlyDictionary<string, string>> ResolveAsync(EnvironmentTopology env, NodeSpec node, NodeBundle bundle, SecretSet secrets, string tag, CancellationToken ct);
}

/// <summary>Records a mutating operation somewhere outside the nodes (GitHub Deployments); never fails it.</summary>
public interface IDeploymentRecorder
{
    Task<T> RecordAsync<T>(EnvironmentTopology env, string target, IReadOnlyList<NodeSpec> nodes, Func<Task<T>> operation, CancellationToken ct);
}

/// <summary>Who runs this operation: written into the deploy lock and the audit history.</summary>
public sealed record OperatorIdentity(string User, string Host, int Pid)
{
    public static OperatorIdentity OfThisProcess() => new(System.Environment.UserName, System.Environment.MachineName, System.Environment.ProcessId);
}

/// <summary>
/// Everything a mutating operation on one environment works with: the environment, how nodes are reached, where
/// secrets and image identities come from, where it is recorded, who runs it, this run's tag, and the run's options.
/// </summary>
public sealed record OperationScope(
    EnvironmentTopology Env, INodeConnections Connections, ISecretSource Secrets, IImageIdentities Images, IDeploymentRecorder Recorder,
    string ArtifactsDirectory, Func<string> ResolveTag)
{
    public OperatorIdentity Operator { get; init; } = OperatorIdentity.OfThisProcess();

    /// <summary>How long to wait for the deploy lock another run holds (zero: stop at once).</summary>
    public TimeSpan LockWait { get; init; } = TimeSpan.Zero;

    /// <summary>How often a waiting run asks for the lock again.</summary>
    public TimeSpan LockPoll { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>--confirm: go ahead on a production environment.</summary>
    public bool Confirm { get; init; }

    /// <summary>Whether a process id is alive on this host (a lock held by a dead pid here is stale).</summary>
    public Func<int, bool> ProcessIsAlive { get; init; } = LocalProcesses.IsAlive;


    private string? _tag;

    /// <summary>This run's image tag (resolved once, on first use).</summary>
    public string Tag => _tag ??= ResolveTag();

    /// <summary>The node the deploy lock and the audit history live on.</summary>
    public NodeSpec Core => Env.NodesWithRole(NodeRole.Core).FirstOrDefault()
        ?? throw new RolloutException($"{Env.SourceFile}: the deploy lock and audit history live on the core node, and this environment has none");

    public string RenderRoot => Path.Combine(ArtifactsDirectory, "render");

    /// <summary>Every environment but the lab and the local one is production: changing it takes --confirm.</summary>
    public bool NeedsConfirmation => !Confirm && Env.Name is not ("lab" or "local");

    /// <summary>
    /// Stops a node-changing target other than the deploy targets (Patch, Rollback, Backup...) on an <c>engine: swarm</c>
    /// environment before anything is read: only DeployCore/Workers/Gpu deploy the stack so far, and the compose path must
    /// not run on a Swarm's nodes.
    /// </summary>
    public void RequireComposeEngine(string target)
    {
        if (Env.Engine == DeployEngine.Swarm)
            throw new RolloutException($"{Env.SourceFile}: engine swarm (its engine: line, or --engine swarm): {target} is not built for a Swarm stack yet " +
                                       "(DeployCore, DeployWorkers and DeployGpu deploy it; see docs/swarm.md). Deploy with compose: set engine: compose " +
                                       "in the topology (or remove the line), and leave --engine out or pass --engine compose");
    }

    /// <summary>Stops a mutating target on a production environment without --confirm (its plan was printed before).</summary>
    public void RequireConfirmation(string target)
    {
        if (NeedsConfirmation)
            throw new RolloutException($"{target} changes {Env.Name}'s nodes: the plan is above. Run again with --confirm to go ahead " +
                                       "(CI: KTRDR_CONFIRM=true in the deploy workflow).");
    }

    /// <summary>The login nodes pull with: the registry's pull host, its user and the token secret; null when it needs none.</summary>
    public RegistryPull? PullLogin(SecretSet secrets) =>
        Env.Registry is { Username: { } user, TokenSecret: { } token } ? new RegistryPull(Env.Registry.PullHost, user, secrets[token]) : null;

    /// <summary>The registry token's secret name, when the registry needs a login.</summary>
    public IEnumerable<string> RegistrySecretName => Env.Registry.TokenSecret is { } name ? [name] : [];
}
