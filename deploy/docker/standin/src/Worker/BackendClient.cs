using Standin.Http;

namespace Standin.Worker;

/// <summary>What the backend said to a registration or a "do you know me" check.</summary>
public enum BackendVerdict
{
    Accepted,
    ShuttingDown,
    NotFound,
    Failed,
}

/// <summary>The worker's calls to the backend: register, and read its own record.</summary>
public sealed class BackendClient(OutboundHttp http, WorkerSettings settings)
{
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(10);

    public async Task<(BackendVerdict Verdict, string Detail)> RegisterAsync(object payload, CancellationToken ct)
    {
        var answer = await http.SendAsync(HttpMethod.Post, $"{settings.BackendRoot}/api/v1/workers/register", payload, CallTimeout, ct);
        return (Classify(answer), answer.Describe());
    }

    public async Task<(BackendVerdict Verdict, string Detail)> CheckRegisteredAsync(CancellationToken ct)
    {
        var url = $"{settings.BackendRoot}/api/v1/workers/{Uri.EscapeDataString(settings.WorkerId)}";
        var answer = await http.SendAsync(HttpMethod.Get, url, null, CallTimeout, ct);
        return (Classify(answer), answer.Describe());
    }

    private static BackendVerdict Classify(OutboundAnswer answer) => answer.StatusCode switch
    {
        >= 200 and < 300 => BackendVerdict.Accepted,
        StatusCodes.Status503ServiceUnavailable => BackendVerdict.ShuttingDown,
        StatusCodes.Status404NotFound => BackendVerdict.NotFound,
        _ => BackendVerdict.Failed,
    };
}
