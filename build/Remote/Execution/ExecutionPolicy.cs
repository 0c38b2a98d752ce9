using System.Diagnostics;

namespace Ktrdr.Deploy.Remote.Execution;

/// <summary>The part of running a command that every executor shares: wrapping, timeout, sudo errors, timing.</summary>
internal static class ExecutionPolicy
{
    public static async Task<CommandResult> RunAsync(
        string target,
        string user,
        RemoteCommand command,
        Func<WrappedCommand, CancellationToken, Task<ProcessOutput>> transport,
        CancellationToken ct)
    {
        var elevate = command.Sudo && user != "root";
        var wrapped = CommandWrapper.Wrap(command, elevate);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(command.Timeout);
        var clock = Stopwatch.StartNew();
        ProcessOutput output;
        try
        {
            output = await transport(wrapped, timeout.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new RemoteException(
                $"Target {target}: '{command.Description}' did not finish within {command.Timeout} and was stopped. " +
                "Check what it waits for on the target, or give the command a longer timeout.");
        }

        if (elevate && SudoFailure.Explain(target, user, command, output) is { } sudoProblem)
        {
            throw new RemoteException(sudoProblem);
        }

        return new CommandResult(output.ExitCode, output.StandardOutput, output.StandardError, clock.Elapsed);
    }
}
