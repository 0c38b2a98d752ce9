using BuildEngine;
using Ktrdr.Deploy.EntryPoints;
using Ktrdr.Deploy.Rollout.Orchestration;
using Ktrdr.Deploy.Secrets;

namespace Ktrdr.Build;

/// <summary>
/// Day-2 safety: one deploy at a time per environment (a lock on the core node, with who holds it), and an audit
/// history of every mutating target (on the core node and in .artifacts/audit/), read back by History. The scope every
/// mutating target acts in is made here, once per run.
/// </summary>
partial class Build
{
    [Parameter("How long a deploy waits for the environment's deploy lock when another run holds it (default 0: stop at once, naming the holder)")]
    readonly TimeSpan LockWait = TimeSpan.Zero;

    [Parameter("Go ahead with a step that changes a production environment (anything but lab and local): deploys, Patch, Rollback, RestoreBackup")]
    readonly bool Confirm;

    Target History => _ => _
        .Description("The audit history of the environment: every deploy, who ran it, on which nodes, which tag, the result")
        .Uses(() => Environment)
        .Executes(ct => LockAndHistory.PrintHistoryAsync(Scope(), ct));

    Target LockRelease => _ => _
        .Description("Break the environment's deploy lock when the run holding it is gone (shows what it breaks)")
        .Uses(() => Environment)
        .Executes(ct => LockAndHistory.ReleaseLockAsync(Scope(), ct));

    NodeConnections? ConnectionsValue;
    readonly SecretStore Secrets = new();
    readonly RegistryImageIdentities ImageIdentities = new();

    /// <summary>The environment this run acts on, and how it reaches nodes, secrets, the registry and GitHub (one of each per run).</summary>
    OperationScope Scope() =>
        new(WithRuntimeAddresses(LoadTopology()), ConnectionsValue ??= new NodeConnections(RootDirectory), new MaskedSecrets(Secrets, RootDirectory),
            ImageIdentities, new GitHubDeploymentRecorder(GitHubState.Value, () => LatestGreenCommit?.Sha ?? GitRevision.FullSha(RootDirectory), () => ResolvedTag,
                env => CoreEndpoints.BackendUrl(env, DeployRootPath)), ArtifactsDirectory, () => ResolvedTag)
        { LockWait = LockWait, Confirm = Confirm };
}
