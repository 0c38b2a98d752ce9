using System.Diagnostics;

namespace Ktrdr.Deploy.Rollout.Nodes;

/// <summary>The last state read, whether the time ran out before it was final, and how long the wait took.</summary>
public readonly record struct Polled<T>(T State, bool TimedOut, TimeSpan Waited);

/// <summary>
/// The one wait-on-a-condition loop of a deploy (health, drain, registration, stack convergence): read the state, stop when it is
/// final or the time is up, else wait one interval and read again. The state read last is returned either way, so the caller
/// can report it.
/// </summary>
public static class Poll
{
    public static async Task<Polled<T>> UntilAsync<T>(Func<Task<T>> read, Func<T, bool> final, TimeSpan timeout, TimeSpan interval, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        while (true)
        {
            var state = await read();
            if (final(state)) return new Polled<T>(state, false, watch.Elapsed);
            if (watch.Elapsed >= timeout) return new Polled<T>(state, true, watch.Elapsed);
            await Task.Delay(interval, ct);
        }
    }
}
