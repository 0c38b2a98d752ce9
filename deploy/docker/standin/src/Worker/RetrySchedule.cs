namespace Standin.Worker;

/// <summary>Waits between registration attempts: 5 attempts wait 1, 2, 4 and 8 s (doubling, at most 30 s).</summary>
public static class RetrySchedule
{
    public static IReadOnlyList<TimeSpan> Delays(int attempts, TimeSpan first)
    {
        var delays = new List<TimeSpan>();
        var next = first;
        for (var i = 1; i < attempts; i++)
        {
            delays.Add(next);
            next = TimeSpan.FromTicks(Math.Min(next.Ticks * 2, TimeSpan.FromSeconds(30).Ticks));
        }
        return delays;
    }
}
