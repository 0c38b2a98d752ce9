using System.Diagnostics;
using BuildEngine;
using Ktrdr.Deploy.Rollout.Deploy;
using Ktrdr.Deploy.Rollout.Nodes;
using Ktrdr.Deploy.Rollout.Operations;
using Ktrdr.Deploy.Topology;
using Serilog;

namespace Ktrdr.Build;

/// <summary>
/// Day-2 safety: one deploy at a time per environment (a lock on the core node, with who holds it), and an audit
/// history of every mutating target (on the core node and in .artifacts/audit/), read back by History.
/// </summary>
partial class Build
{
    [Parameter("How long a deploy waits for the environment's deploy lock when another run holds it (default 0: stop at once, naming the holder)")]
    readonly TimeSpan LockWait = TimeSpan.Zero;

    Target History => _ => _
        .Description("The audit history of the environment: every deploy, who ran it, on which nodes, which tag, the result")
        .Uses(() => Environment)
        .Executes(async ct =>
        {
            var env = WithRuntimeAddresses(LoadTopology());
            var core = await ConnectAsync(CoreNode(env), ct);
            var entries = OperationJson.Audit((await NodeRun.RequireAsync(core, OperationCommands.ReadAudit(), ct)).StandardOutput);
            Log.Information("Audit history of {Environment} ({Count} entries, newest last, on {Core}:{File}):", env.Name, entries.Count,
                CoreNode(env).Name, OperationCommands.AuditFile);
            foreach (var e in entries.TakeLast(30))
                Log.Information("  {Time:yyyy-MM-dd HH:mm:ss}  {Who,-24} {Target,-14} {Nodes,-22} {Tag,-12} {Result}  {Seconds:0.0}s",
                    e.Time, $"{e.User}@{e.Host}", e.Target, string.Join(",", e.Nodes), e.Tag, e.Result, e.Seconds);
        });

    Target LockRelease => _ => _
        .Description("Break the environment's deploy lock when the run holding it is gone (shows what it breaks)")
        .Uses(() => Environment)
        .Executes(async ct =>
        {
            var env = WithRuntimeAddresses(LoadTopology());
            var core = await ConnectAsync(CoreNode(env), ct);
            var holder = OperationJson.Holder((await NodeRun.RequireAsync(core, OperationCommands.ReadHolder(), ct)).StandardOutput);
            if (holder is null)
            {
                Log.Information("The deploy lock of {Environment} is free: nothing to release", env.Name);
                return;
            }
            Log.Warning("Breaking the deploy lock of {Environment}, held by {Holder}", env.Name, holder);
            await NodeRun.RequireAsync(core, OperationCommands.Break(), ct);
        });

    /// <summary>
    /// Runs a mutating step under the environment's deploy lock and records it in the audit history, whatever its end
    /// (failure and Ctrl-C included). A lock held by another run stops this one before anything is touched.
    /// </summary>
    /// <param name="action">Returns what each node runs when it succeeded (recorded, so Rollback knows the good deploys).</param>
    async Task UnderLockAsync(EnvironmentTopology env, string target, IReadOnlyList<NodeSpec> nodes, IReadOnlyDictionary<string, string> images,
        Func<Task<IReadOnlyDictionary<string, NodeDeployed>>> action, CancellationToken ct)
    {
        var core = await ConnectAsync(CoreNode(env), ct);
        var holder = new LockHolder(Guid.NewGuid().ToString("N"), System.Environment.UserName, System.Environment.MachineName,
            System.Environment.ProcessId, target, env.Name, DateTimeOffset.UtcNow);
        await AcquireLockAsync(core, env, holder, ct);
        var watch = Stopwatch.StartNew();
        var result = "failed";
        IReadOnlyDictionary<string, NodeDeployed>? deployed = null;
        try
        {
            deployed = await WithGitHubDeploymentAsync(env, target, nodes, action, ct);
            result = "succeeded";
        }
        catch (OperationCanceledException)
        {
            result = "cancelled";
            throw;
        }
        finally
        {
            var entry = new AuditEntry(DateTimeOffset.UtcNow, holder.User, holder.Host, target, env.Name, [.. nodes.Select(n => n.Name)],
                AuditTag(deployed), images, result, Math.Round(watch.Elapsed.TotalSeconds, 2)) { Deployed = deployed };
            await RecordAsync(core, env, entry);
            await core.RunAsync(OperationCommands.Release(holder.Id), CancellationToken.None);
        }
    }

    /// <summary>The tag every node landed on (a Rollback's tag is the one it went back to), else this run's tag.</summary>
    string AuditTag(IReadOnlyDictionary<string, NodeDeployed>? deployed) =>
        deployed?.Values.Select(d => d.Tag).Distinct().ToList() is [var only] ? only : Tag ?? ResolvedTag;

    /// <summary>
    /// Takes the lock, or waits for it up to --lock-wait (two CI jobs queue instead of failing), saying once who holds it;
    /// still held after that: the run stops with the holder, before anything is touched.
    /// </summary>
    async Task AcquireLockAsync(Ktrdr.Deploy.Remote.ICommandExecutor core, EnvironmentTopology env, LockHolder holder, CancellationToken ct)
    {
        var waited = Stopwatch.StartNew();
        LockHolder? announced = null;
        while (true)
        {
            var (acquired, other) = OperationCommands.ParseAcquire(await NodeRun.RequireAsync(core, OperationCommands.Acquire(holder), ct));
            if (acquired)
            {
                if (announced is not null) Log.Information("Took the deploy lock of {Environment} after waiting {Seconds:0} s", env.Name, waited.Elapsed.TotalSeconds);
                return;
            }
            if (waited.Elapsed >= LockWait)
                throw new BuildFailedException($"another deploy holds the lock of {env.Name}: {other?.ToString() ?? "(holder unreadable)"}. " +
                                               (LockWait > TimeSpan.Zero ? $"Waited {LockWait.TotalSeconds:0} s (--lock-wait). " : "") +
                                               "Wait for it to finish (or give --lock-wait 10m to queue behind it); if that run is gone, ./build.sh LockRelease breaks the lock.");
            if (announced is null || announced.Id != other?.Id)
                Log.Information("Waiting up to {Seconds:0} s for the deploy lock of {Environment}, held by {Holder}", LockWait.TotalSeconds, env.Name,
                    (object?)other ?? "(holder unreadable)");
            announced = other ?? holder;
            await Task.Delay(TimeSpan.FromSeconds(2), ct);
        }
    }

    /// <summary>Appends to the history on the core node and in .artifacts/audit/&lt;env&gt;.jsonl; a failure to record is a warning.</summary>
    async Task RecordAsync(Ktrdr.Deploy.Remote.ICommandExecutor core, EnvironmentTopology env, AuditEntry entry)
    {
        var local = Path.Combine(ArtifactsDirectory, "audit", $"{env.Name}.jsonl");
        Directory.CreateDirectory(Path.GetDirectoryName(local)!);
        await File.AppendAllTextAsync(local, OperationJson.Line(entry) + "\n", CancellationToken.None);
        var appended = await core.RunAsync(OperationCommands.Append(entry), CancellationToken.None);
        if (!appended.Succeeded) Log.Warning("Could not append to the audit history on {Core}: {Error}", core.Target, appended.StandardError.Trim());
    }

    /// <summary>Every environment but the lab and the local one is production: changing it takes --confirm.</summary>
    bool NeedsConfirmation(EnvironmentTopology env) => !Confirm && env.Name is not ("lab" or "local");

    /// <summary>Stops a mutating target on a production environment without --confirm, after its plan was printed.</summary>
    void RequireConfirmation(EnvironmentTopology env, string target)
    {
        if (NeedsConfirmation(env))
            throw new BuildFailedException($"{target} changes {env.Name}'s nodes: the plan is above. Run again with --confirm to go ahead " +
                                           "(CI: KTRDR_CONFIRM=true in the deploy workflow).");
    }

    static NodeSpec CoreNode(EnvironmentTopology env) =>
        env.NodesWithRole(NodeRole.Core).FirstOrDefault()
        ?? throw new BuildFailedException($"{env.SourceFile}: the deploy lock and audit history live on the core node, and this environment has none");
}
