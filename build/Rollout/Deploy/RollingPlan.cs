namespace Ktrdr.Deploy.Rollout.Deploy;

/// <summary>How a running node's services are replaced: in batches of at most <see cref="BatchSize"/>, each drained first.</summary>
/// <param name="BatchSize">Services replaced together (1: one at a time, the default).</param>
/// <param name="DrainTimeout">How long a busy worker is waited for before the run stops (or, with <paramref name="Force"/>, replaces it anyway).</param>
/// <param name="HealthTimeout">How long a replaced service has to run, pass its health check and be registered <c>available</c>.</param>
public sealed record RollingOptions(int BatchSize, TimeSpan DrainTimeout, bool Force, TimeSpan HealthTimeout)
{
    /// <summary>The batches, in the node's service order: only services running now are replaced (new ones start at the end).</summary>
    public IReadOnlyList<IReadOnlyList<string>> Batches(IReadOnlyList<string> services, IReadOnlySet<string> running)
    {
        if (BatchSize < 1) throw new ArgumentOutOfRangeException(nameof(BatchSize), BatchSize, "a batch holds at least one service");
        return [.. services.Where(running.Contains).Distinct().Chunk(BatchSize).Select(batch => (IReadOnlyList<string>)batch)];
    }
}
