namespace Standin.Metrics;

/// <summary>
/// Where each role serves its metrics. The backend mounts a metrics app, so <c>/metrics/</c> answers and
/// <c>/metrics</c> redirects (307) to it; a worker has a plain route, so it is the other way round.
/// </summary>
public static class MetricsRoutes
{
    public static void MapMounted(IEndpointRouteBuilder app, Func<HttpContext, Task<string>> render) => Map(app, render, servesSlash: true);

    public static void MapPlain(IEndpointRouteBuilder app, Func<HttpContext, Task<string>> render) => Map(app, render, servesSlash: false);

    private static void Map(IEndpointRouteBuilder app, Func<HttpContext, Task<string>> render, bool servesSlash)
    {
        // One route template matches both spellings; the trailing slash decides which one answers.
        app.MapGet("/metrics", async (HttpContext context) =>
        {
            var hasSlash = context.Request.Path.Value?.EndsWith('/') == true;
            if (hasSlash == servesSlash)
            {
                return Results.Text(await render(context), PrometheusTextWriter.ContentType);
            }
            var target = servesSlash ? "/metrics/" : "/metrics";
            var request = context.Request;
            return Results.Redirect($"{request.Scheme}://{request.Host}{target}{request.QueryString}", permanent: false, preserveMethod: true);
        });
    }
}
