using System.Diagnostics;

namespace Standin.Metrics;

/// <summary>
/// http_server_duration_milliseconds, as the OpenTelemetry FastAPI instrumentation exports it through
/// Prometheus. Labels: http_method, http_scheme, http_status_code, http_target (the route template,
/// so unknown paths do not create new series).
/// </summary>
public sealed class HttpServerMetrics
{
    public const string MetricName = "http_server_duration_milliseconds";

    private static readonly double[] Buckets = [0, 5, 10, 25, 50, 75, 100, 250, 500, 750, 1000, 2500, 5000, 7500, 10000];

    public Histogram Durations { get; } = new(MetricName, "Duration of inbound HTTP requests in milliseconds.", Buckets);

    public async Task MeasureAsync(HttpContext context, RequestDelegate next)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await next(context);
        }
        finally
        {
            var target = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? "unmatched";
            Durations.Observe(Stopwatch.GetElapsedTime(started).TotalMilliseconds, Labels.Of(
                ("http_method", context.Request.Method),
                ("http_scheme", context.Request.Scheme),
                ("http_status_code", context.Response.StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                ("http_target", target.StartsWith('/') ? target : "/" + target)));
        }
    }
}
