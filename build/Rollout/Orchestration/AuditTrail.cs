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
    public static async Task RecordAsync(ICommandExecutor core, OperationScope scope, AuditEntry entry)
    {
        var local = Path.Combine(scope.ArtifactsDirectory, "audit", $"{scope.Env.Name}.jsonl");
        Directory.CreateDirectory(Path.GetDirectoryName(local)!);
        await File.AppendAllTextAsync(local, OperationJson.Line(entry) + "\n", CancellationToken.None);
        var appended = await core.RunAsync(OperationCommands.Append(entry), CancellationToken.None);
        if (!appended.Succeeded) Log.Warning("Could not append to the audit history on {Core}: {Error}", core.Target, appended.StandardError.Trim());
    }
}
