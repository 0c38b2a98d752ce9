using Ktrdr.Deploy.Topology;

namespace Ktrdr.Deploy.Secrets;

/// <summary>
/// Reads one secret's value from where its reference points. Failures are reported as
/// <see cref="SecretReadException"/> with a message for a person; a message never holds the value.
/// </summary>
public interface ISecretProvider
{
    /// <summary>The kind of reference this provider reads (op://, env:, file:).</summary>
    SecretProvider Kind { get; }

    /// <summary>How many reads may run at the same time (1 = one after the other).</summary>
    int MaxConcurrentReads { get; }

    Task<string> ReadAsync(SecretReference reference, CancellationToken cancellationToken);
}
