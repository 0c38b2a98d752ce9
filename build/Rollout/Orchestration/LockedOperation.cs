using System.Diagnostics;
using Ktrdr.Deploy.Rollout.Operations;
using Ktrdr.Deploy.Topology;

namespace Ktrdr.Deploy.Rollout.Orchestration;

/// <summary>What one audit entry of a locked operation names: a target, the nodes it deployed and their images.</summary>
public sealed record AuditedTarget(string Target, IReadOnlyList<NodeSpec> Nodes, IReadOnlyDictionary<string, string> Images);

/// <summary>
/// Runs a mutating operation under the environment's deploy lock, recorded (GitHub when on) and audited whatever its end:
/// succeeded, failed, or cancelled (Ctrl-C, SIGTERM, SIGHUP). A lock held by another run stops it before anything is touched.
/// </summary>
public static class LockedOperation
{
    /// <param name="operation">Returns what each node runs when it succeeded (recorded, so Rollback knows the good deploys).</param>
    public static Task RunAsync(OperationScope scope, string target, IReadOnlyList<NodeSpec> nodes, IReadOnlyDictionary<string, string> images,
        Func<Task<IReadOnlyDictionary<string, NodeDeployed>>> operation, CancellationToken ct) =>
        RunAsync(scope, [new AuditedTarget(target, nodes, images)], operation, ct);

    /// <summary>
    /// One lock for the nodes of several targets deployed side by side (DeployWorkers with the gpu node of DeployGpu):
    /// the lock and the recorder name them all ("DeployWorkers+DeployGpu"), the audit keeps one entry per target.
    /// </summary>
    public static async Task RunAsync(OperationScope scope, IReadOnlyList<AuditedTarget> targets,
        Func<Task<IReadOnlyDictionary<string, NodeDeployed>>> operation, CancellationToken ct)
    {
        var target = string.Join("+", targets.Select(t => t.Target).Distinct());
        var nodes = targets.SelectMany(t => t.Nodes).ToList();
        var core = await scope.Connections.ConnectAsync(scope.Core, ct);
        var holder = new LockHolder(Guid.NewGuid().ToString("N"), scope.Operator.User, scope.Operator.Host, scope.Operator.Pid, target, scope.Env.Name,
            DateTimeOffset.UtcNow);
        await DeployLock.AcquireAsync(core, scope, holder, ct);   // every node's state is read after this, under the lock
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
            var entries = targets.Select(t =>
            {
                var landed = deployed?.Where(d => t.Nodes.Any(n => n.Name == d.Key)).ToDictionary(d => d.Key, d => d.Value);
                return AuditTrail.Entry(scope, t.Target, [.. t.Nodes.Select(n => n.Name)], AuditTag(landed, scope), t.Images, result, watch.Elapsed)
                    with { Deployed = landed };
            }).ToList();
            await AuditTrail.RecordAndReleaseAsync(core, scope, entries, holder);
        }
    }

    /// <summary>The tag every node landed on (a Rollback's tag is the one it went back to), else this run's tag.</summary>
    private static string AuditTag(IReadOnlyDictionary<string, NodeDeployed>? deployed, OperationScope scope) =>
        deployed?.Values.Select(d => d.Tag).Distinct().ToList() is [var only] ? only : scope.Tag;
}
