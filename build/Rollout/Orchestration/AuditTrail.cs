using Ktrdr.Deploy.Remote;
using Ktrdr.Deploy.Rollout.Operations;
using Serilog;

namespace Ktrdr.Deploy.Rollout.Orchestration;

/// <summary>The audit history: on the core node (what History reads) and in .artifacts/audit/&lt;env&gt;.jsonl on this machine.</summary>
public static class AuditTrail
{
    public static AuditEntry Entry(OperationScope scope, string target, IReadOnlyList<string> nodes, string tag,
        IReadOnlyDictionary<string, string> images, string result, TimeSpan elapsed) =>
        new(DateTimeOffset.UtcNow, scope.Operator.User, scope.Operator.Host, target, scope.Env.Name, nodes, tag, images, result,
            Math.Round(elapsed.TotalSeconds, 2));

    /// <summary>Appends to both; a failure to record on the node is a warning (never cancelled: it runs on the way out).</summary>
    public static Task RecordAsync(ICommandExecutor core, OperationScope scope, AuditEntry entry) =>
        RecordAsync(core, scope, [entry], OperationCommands.Append(entry));

    /// <summary>
    /// The end of a locked operation: its entries (one per target it deployed) appended to both, and the lock
    /// <paramref name="holder"/> holds released, in one round trip.
    /// </summary>
    public static Task RecordAndReleaseAsync(ICommandExecutor core, OperationScope scope, IReadOnlyList<AuditEntry> entries, LockHolder holder) =>
        RecordAsync(core, scope, entries, OperationCommands.AppendAndRelease(entries, holder.Id));

    private static async Task RecordAsync(ICommandExecutor core, OperationScope scope, IReadOnlyList<AuditEntry> entries, Ktrdr.Deploy.Remote.RemoteCommand onCore)
    {
        var local = Path.Combine(scope.ArtifactsDirectory, "audit", $"{scope.Env.Name}.jsonl");
        Directory.CreateDirectory(Path.GetDirectoryName(local)!);
        await File.AppendAllTextAsync(local, string.Concat(entries.Select(e => OperationJson.Line(e) + "\n")), CancellationToken.None);
        var appended = await core.RunAsync(onCore, CancellationToken.None);
        if (!appended.Succeeded) Log.Warning("Could not append to the audit history on {Core}: {Error}", core.Target, appended.StandardError.Trim());
    }
}
