using System.ComponentModel;
using CliWrap;
using CliWrap.Buffered;
using Ktrdr.Deploy.Topology;

namespace Ktrdr.Deploy.Secrets.OnePassword;

/// <summary>
/// Reads <c>op://vault/item/field</c> with <c>op read --no-newline</c>. The reference travels in argv (it is not a
/// secret); the value comes back on standard output; the service-account token, when there is one, is set only in
/// op's own environment.
/// </summary>
public sealed class OnePasswordProvider(OnePasswordOptions options) : ISecretProvider
{
    public SecretProvider Kind => SecretProvider.OnePassword;

    public int MaxConcurrentReads => Math.Max(1, options.MaxConcurrentReads);

    public async Task<string> ReadAsync(SecretReference reference, CancellationToken cancellationToken)
    {
        OnePasswordReference.Parse(reference.Locator);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(options.Timeout);
        var result = await RunAsync(reference.Locator, deadline.Token, cancellationToken);
        if (result.ExitCode != 0)
            throw OnePasswordErrors.Classify(result.StandardError, result.ExitCode, reference.Locator);
        return result.StandardOutput;
    }

    private async Task<BufferedCommandResult> RunAsync(string locator, CancellationToken deadline, CancellationToken caller)
    {
        var command = Cli.Wrap(options.Executable)
            .WithArguments(["read", "--no-newline", locator])
            .WithEnvironmentVariables(env => env.Set(OnePasswordOptions.TokenVariable, options.ServiceAccountToken))
            .WithValidation(CommandResultValidation.None);
        try
        {
            return await command.ExecuteBufferedAsync(deadline);
        }
        catch (Exception error) when (error is Win32Exception || error.InnerException is Win32Exception)
        {
            throw OnePasswordErrors.NotInstalled(options.Executable, error.InnerException ?? error);
        }
        catch (OperationCanceledException) when (!caller.IsCancellationRequested)
        {
            throw OnePasswordErrors.TimedOut(options.Timeout);
        }
    }
}
