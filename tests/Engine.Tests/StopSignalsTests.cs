using System.Runtime.InteropServices;
using BuildEngine;

namespace Engine.Tests;

/// <summary>SIGINT, SIGTERM and SIGHUP stop a run the same way: the first cancels and keeps the process, a second ends it.</summary>
public class StopSignalsTests
{
    [Theory]
    [InlineData(PosixSignal.SIGINT)]
    [InlineData(PosixSignal.SIGTERM)]
    [InlineData(PosixSignal.SIGHUP)]
    public void The_first_signal_cancels_the_run_and_keeps_the_process_a_second_one_ends_it(PosixSignal signal)
    {
        using var cancellation = new CancellationTokenSource();
        var first = new PosixSignalContext(signal);
        var second = new PosixSignalContext(signal);

        StopSignals.OnSignal(first, cancellation);
        Assert.True(cancellation.IsCancellationRequested);
        Assert.True(first.Cancel);

        StopSignals.OnSignal(second, cancellation);
        Assert.False(second.Cancel);
    }

    [Fact]
    public void Interrupt_terminate_and_hang_up_are_all_handled() =>
        Assert.Equal([PosixSignal.SIGINT, PosixSignal.SIGTERM, PosixSignal.SIGHUP], StopSignals.Handled);
}
