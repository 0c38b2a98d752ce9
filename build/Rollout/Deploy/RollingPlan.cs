using System.Text.RegularExpressions;

namespace Ktrdr.Deploy.Rollout.Deploy;

/// <summary>How a running node's services are replaced: in batches of at most <see cref="BatchSize"/> services of each kind, each drained first.</summary>
/// <param name="BatchSize">Services of one kind replaced together (1: one at a time of each kind, the default).</param>
/// <param name="DrainTimeout">How long a busy worker is waited for before the run stops (or, with <paramref name="Force"/>, replaces it anyway).</param>
/// <param name="HealthTimeout">How long a replaced service has to run, pass its health check and be registered <c>available</c>.</param>
public sealed partial record RollingOptions(int BatchSize, TimeSpan DrainTimeout, bool Force, TimeSpan HealthTimeout)
{
    /// <summary>
    /// The batches, in the node's service order: only services running now are replaced (new ones start at the end). A
    /// batch holds the next <see cref="BatchSize"/> services of every kind (<see cref="Kind"/>): a backtest worker and a
    /// training worker are replaced together, so the update takes as many rounds as the most numerous kind, and every
    /// kind keeps as many workers serving as when it is replaced alone.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<string>> Batches(IReadOnlyList<string> services, IReadOnlySet<string> running)
    {
        if (BatchSize < 1) throw new ArgumentOutOfRangeException(nameof(BatchSize), BatchSize, "a batch holds at least one service");
        var kinds = services.Where(running.Contains).Distinct().GroupBy(Kind).Select(kind => kind.Chunk(BatchSize).ToList()).ToList();
        var rounds = kinds.Count == 0 ? 0 : kinds.Max(kind => kind.Count);
        return [.. Enumerable.Range(0, rounds).Select(round => (IReadOnlyList<string>)[.. kinds.Where(k => round < k.Count).SelectMany(k => k[round])])];
    }

    /// <summary>A service's kind: its name without the slot number (<c>backtest-worker-2</c> → <c>backtest-worker</c>).</summary>
    public static string Kind(string service) => SlotNumber().Replace(service, "");

    [GeneratedRegex(@"-\d+$")]
    private static partial Regex SlotNumber();
}
