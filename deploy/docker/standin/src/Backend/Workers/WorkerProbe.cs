using System.Text.Json;
using Standin.Http;

namespace Standin.Backend.Workers;

/// <summary>Calls a worker's <c>/health</c> and reads the body: a 200 with <c>healthy:false</c> is a failure.</summary>
public sealed class WorkerProbe(OutboundHttp http)
{
    public async Task<ProbeResult> ProbeAsync(WorkerRecord worker, TimeSpan timeout, CancellationToken ct)
    {
        // Plain concatenation like the real backend: an endpoint_url ending in '/' yields '//health'.
        var answer = await http.SendAsync(HttpMethod.Get, worker.EndpointUrl + "/health", null, timeout, ct);
        if (!answer.IsSuccess)
        {
            return ProbeResult.Failed(answer.Describe());
        }
        var body = answer.JsonOrNull();
        if (body is not { ValueKind: JsonValueKind.Object } health)
        {
            return ProbeResult.Failed("the /health answer is not a JSON object");
        }
        if (!health.TryGetProperty("healthy", out var healthy) || healthy.ValueKind != JsonValueKind.True)
        {
            return ProbeResult.Failed("the worker answered healthy:false");
        }
        return new ProbeResult(true, StringOf(health, "worker_status"), StringOf(health, "current_operation"), null);
    }

    private static string? StringOf(JsonElement body, string name) =>
        body.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
