namespace Standin.Worker;

/// <summary>When someone last called this worker's /health (the backend's poller, normally).</summary>
public sealed class HealthCallClock
{
    private long lastTicks = -1;

    public DateTimeOffset? Last
    {
        get
        {
            var ticks = Interlocked.Read(ref lastTicks);
            return ticks < 0 ? null : new DateTimeOffset(ticks, TimeSpan.Zero);
        }
    }

    public void Record(DateTimeOffset at) => Interlocked.Exchange(ref lastTicks, at.UtcTicks);
}
