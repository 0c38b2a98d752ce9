using System.Text.Json;
using Standin.Http;

namespace Standin.Backend.Operations;

/// <summary>The backend's calls to a worker's API (start an operation, ask about one, announce shutdown).</summary>
public sealed class WorkerClient(OutboundHttp http)
{
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan NoticeTimeout = TimeSpan.FromSeconds(2);

    public static string StartPath(string operationType) =>
        operationType == OperationType.Training ? "/training/start" : "/backtests/start";

    public Task<OutboundAnswer> StartAsync(string endpointUrl, string operationType, object body, CancellationToken ct) =>
        http.SendAsync(HttpMethod.Post, endpointUrl + StartPath(operationType), body, CallTimeout, ct);

    /// <summary>The worker's view of one operation (<c>data</c> of its /api/v1/operations/{id}), or null with the reason.</summary>
    public async Task<(JsonElement? Operation, OutboundAnswer Answer)> GetOperationAsync(string endpointUrl, string operationId, CancellationToken ct)
    {
        var answer = await http.SendAsync(HttpMethod.Get, $"{endpointUrl}/api/v1/operations/{Uri.EscapeDataString(operationId)}", null, CallTimeout, ct);
        var body = answer.IsSuccess ? answer.JsonOrNull() : null;
        return body is { ValueKind: JsonValueKind.Object } root && root.TryGetProperty("data", out var data)
            ? (data, answer)
            : (null, answer);
    }

    public Task<OutboundAnswer> NotifyShutdownAsync(string endpointUrl, CancellationToken ct) =>
        http.SendAsync(HttpMethod.Post, endpointUrl + "/backend-shutdown", new { message = "Backend shutting down" }, NoticeTimeout, ct);
}
