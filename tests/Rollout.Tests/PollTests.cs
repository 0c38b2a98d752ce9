using Ktrdr.Deploy.Rollout.Nodes;

namespace Rollout.Tests;

/// <summary>The one wait loop of a deploy: it stops on the first final state, or returns the last state read once the time is up.</summary>
public class PollTests
{
    [Fact]
    public async Task Stops_at_the_first_final_state_without_reading_again()
    {
        var reads = 0;
        var polled = await Poll.UntilAsync(() => Task.FromResult(++reads), n => n == 3, TimeSpan.FromMinutes(1), TimeSpan.Zero, CancellationToken.None);

        Assert.Equal((3, false, 3), (polled.State, polled.TimedOut, reads));
    }

    [Fact]
    public async Task A_state_that_never_becomes_final_is_returned_as_timed_out_after_at_least_one_read()
    {
        var reads = 0;
        var polled = await Poll.UntilAsync(() => Task.FromResult(++reads), _ => false, TimeSpan.Zero, TimeSpan.FromMinutes(1), CancellationToken.None);

        Assert.Equal((1, true), (polled.State, polled.TimedOut));
    }

    [Fact]
    public async Task A_final_first_read_is_not_timed_out_even_with_no_time_given()
    {
        var polled = await Poll.UntilAsync(() => Task.FromResult("ready"), s => s == "ready", TimeSpan.Zero, TimeSpan.FromMinutes(1), CancellationToken.None);

        Assert.False(polled.TimedOut);
    }

    [Fact]
    public async Task Cancellation_ends_the_wait_between_reads()
    {
        using var cts = new CancellationTokenSource();
        var reads = 0;
        var wait = Poll.UntilAsync(() => { if (++reads == 2) cts.Cancel(); return Task.FromResult(reads); }, _ => false,
            TimeSpan.FromMinutes(1), TimeSpan.FromMilliseconds(1), cts.Token);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => wait);
        Assert.Equal(2, reads);
    }
}
