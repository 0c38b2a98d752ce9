using System.Diagnostics;
using Ktrdr.Deploy.Rollout.Operations;
using Ktrdr.Deploy.Topology;

namespace Ktrdr.Deploy.Rollout.Orchestration;

/// <summary>
/// Runs a mutating operation under the environment's deploy lock, recorded (GitHub when on) and audited whatever its end:
/// succeeded, failed, or cancelled (Ctrl-C, SIGTERM, SIGHUP). A lock held by another run stops it before anything is touched.
/// </summary>
public static class LockedOperation
{
    /// <param name="operation">Returns what each node runs when it succeeded (recorded, so Rollback knows the good deploys).</param>
    public static async Task RunAsync(OperationScope scope, string target, IReadOnlyList<NodeSpec> nodes, IReadOnlyDictionary<string, string> images,
        Func<Task<IReadOnlyDictionary<string, NodeDeployed>>> operation, CancellationToken ct)
    {
        var core = await scope.Connections.ConnectAsync(scope.Core, ct);
        var holder = new LockHolder(Guid.NewGuid().ToString("N"), scope.Operator.User, scope.Operator.Host, scope.Operator.Pid, target, scope.Env.Name,
            DateTimeOffset.UtcNow);
        // another run held the lock first: what this run read ahead of its nodes may be stale
        if (await DeployLock.AcquireAsync(core, scope, holder, ct)) scope.States.Forget();
        var watch = Stopwatch.StartNew();
        var result = "failed";
        IReadOnlyDictionary<string, NodeDeployed>? deployed = null;
        try
        {
            deployed = await scope.Recorder.RecordAsync(scope.Env, target, nodes, operation, ct);
            result = "succeeded";
        }
        catch (OperationCanceledException)
        {
            result = "cancelled";
            throw;
        }
        finally
        {
            var entry = AuditTrail.Entry(scope, target, [.. nodes.Select(n => n.Name)], AuditTag(deployed, scope), images, result, watch.Elapsed)
                with { Deployed = deployed };
            await AuditTrail.RecordAndReleaseAsync(core, scope, entry, holder);
        }
    }

    /// <summary>The tag every node landed on (a Rollback's tag is the one it went back to), else this run's tag.</summary>
    private static string AuditTag(IReadOnlyDictionary<string, NodeDeployed>? deployed, OperationScope scope) =>
        deployed?.Values.Select(d => d.Tag).Distinct().ToList() is [var only] ? only : scope.Tag;
}
