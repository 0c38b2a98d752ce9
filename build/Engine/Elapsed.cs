namespace BuildEngine;

/// <summary>Elapsed time for logs and the summary: <c>0.42s</c>, <c>12.3s</c>, <c>2m05s</c>, <c>1h02m</c>.</summary>
public static class Elapsed
{
    public static string Format(TimeSpan elapsed) => elapsed.TotalSeconds switch
    {
        < 10 => elapsed.TotalSeconds.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) + "s",
        < 60 => elapsed.TotalSeconds.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + "s",
        < 3600 => $"{(int)elapsed.TotalMinutes}m{elapsed.Seconds:00}s",
        _ => $"{(int)elapsed.TotalHours}h{elapsed.Minutes:00}m",
    };
}
