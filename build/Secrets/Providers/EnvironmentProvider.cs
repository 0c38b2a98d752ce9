using Ktrdr.Deploy.Topology;

namespace Ktrdr.Deploy.Secrets.Providers;

/// <summary>Reads <c>env:NAME</c>: a variable of the build process.</summary>
public sealed class EnvironmentProvider : ISecretProvider
{
    public SecretProvider Kind => SecretProvider.Environment;

    public int MaxConcurrentReads => int.MaxValue;

    public Task<string> ReadAsync(SecretReference reference, CancellationToken cancellationToken)
    {
        var variable = reference.Locator;
        var value = Environment.GetEnvironmentVariable(variable);
        if (value is null)
            throw new SecretReadException(
                $"environment variable {variable} is not set",
                $"set it in the shell that runs the build (export {variable}=...) or point the secret at op:// or file:");
        return Task.FromResult(value);
    }
}
