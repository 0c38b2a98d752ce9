using Ktrdr.Deploy.Remote;

namespace Ktrdr.Deploy.Rollout.Nodes;

/// <summary>Runs a command that must succeed; its failure becomes a message naming the node, the step and what it printed.</summary>
public static class NodeRun
{
    public static async Task<CommandResult> RequireAsync(ICommandExecutor node, RemoteCommand command, CancellationToken ct)
    {
        var result = await node.RunAsync(command, ct);
        if (result.Succeeded) return result;
        var printed = (result.StandardError.Trim().Length > 0 ? result.StandardError : result.StandardOutput).Trim().Split('\n');
        throw new RolloutException(
            $"{node.Target}: '{command.Description}' failed (exit {result.ExitCode}):\n    " + string.Join("\n    ", printed.TakeLast(12)));
    }
}
