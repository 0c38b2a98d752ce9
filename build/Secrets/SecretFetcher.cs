using Ktrdr.Deploy.Topology;

namespace Ktrdr.Deploy.Secrets;

/// <summary>
/// Reads references through their providers, concurrently up to each provider's limit, and collects every
/// failure instead of stopping at the first. The one place values are read.
/// </summary>
public sealed class SecretFetcher
{
    private readonly Dictionary<SecretProvider, (ISecretProvider Provider, SemaphoreSlim Gate)> providers;

    public SecretFetcher(IEnumerable<ISecretProvider> providers) =>
        this.providers = providers.ToDictionary(p => p.Kind, p => (p, new SemaphoreSlim(p.MaxConcurrentReads)));

    /// <summary>Each reference's value or its failure, in the order given.</summary>
    public async Task<IReadOnlyList<(SecretReference Reference, string? Value, SecretFailure? Failure)>> ReadAllAsync(
        IEnumerable<SecretReference> references, CancellationToken cancellationToken) =>
        await Task.WhenAll(references.Select(r => ReadOneAsync(r, cancellationToken)));

    private async Task<(SecretReference, string?, SecretFailure?)> ReadOneAsync(
        SecretReference reference, CancellationToken cancellationToken)
    {
        if (!providers.TryGetValue(reference.Provider, out var entry))
            return (reference, null, Failed(reference, $"no provider reads {reference.Provider} references in this build",
                "use an op://, env: or file: reference"));
        await entry.Gate.WaitAsync(cancellationToken);
        try
        {
            var value = await entry.Provider.ReadAsync(reference, cancellationToken);
            return (reference, value, null);
        }
        catch (SecretReadException error)
        {
            return (reference, null, Failed(reference, error.Problem, error.Remedy));
        }
        finally
        {
            entry.Gate.Release();
        }
    }

    private static SecretFailure Failed(SecretReference reference, string problem, string remedy) =>
        new(reference.Name, reference.ToString(), problem, remedy);
}
