using System.Text.Json.Nodes;
using Ktrdr.Deploy.Verification.Evaluation;
using Ktrdr.Deploy.Verification.Http;

namespace Ktrdr.Deploy.Verification.Checks;

/// <summary>
/// <c>--smoke</c>: starts one operation through the backend — once, on the first run — and passes when
/// <c>GET /api/v1/operations/{id}</c> says it completed. While it is pending or running the check fails, so the
/// runner asks again until the deadline; a failed or cancelled operation fails with a hint.
/// </summary>
internal sealed class SmokeOperationCheck(Uri backend, string kind, string startPath, string idField, string body) : IVerifyCheck
{
    private string? _operationId;

    public static SmokeOperationCheck Backtest(Uri backend) => new(backend, "backtest", "/api/v1/backtests/start", "operation_id",
        """{"strategy_name":"ktrdr-smoke","symbol":"EURUSD","timeframe":"1h","start_date":"2024-01-01","end_date":"2024-01-31"}""");

    public static SmokeOperationCheck Training(Uri backend) => new(backend, "training", "/api/v1/trainings/start", "task_id",
        """{"strategy_name":"ktrdr-smoke","start_date":"2024-01-01","end_date":"2024-01-31"}""");

    public string Name => $"smoke {kind}";

    public async Task<IReadOnlyList<CheckOutcome>> RunAsync(VerifyHttp http, CancellationToken ct)
    {
        var target = $"POST {startPath}";
        if (_operationId is null)
        {
            var started = await http.PostJsonAsync(new Uri(backend, startPath), body, ct);
            if (!started.TryJson(out var json, out var problem))
                return [CheckOutcome.Fail(target, problem, $"the backend did not start a {kind}: is a {kind} worker registered and available?")];
            _operationId = JsonShape.OptionalString(json, idField);
            if (_operationId is null)
                return [CheckOutcome.Fail(target, $"the answer has no {idField}: {HttpAnswer.Snippet(started.Body)}", "the backend's start endpoint changed its answer")];
        }

        var answer = await http.GetAsync(new Uri(backend, $"/api/v1/operations/{_operationId}"), ct);
        if (!answer.TryJson(out var operation, out var missing))
            return [CheckOutcome.Fail(target, missing, Hints.ForAnswer(answer, "the backend"))];
        var status = JsonShape.OptionalString(operation["data"] ?? operation, "status") ?? "unknown";
        return status switch
        {
            "completed" => [CheckOutcome.Pass(target, $"{kind} {_operationId} completed")],
            "failed" or "cancelled" => [CheckOutcome.Fail(target, $"{kind} {_operationId} {status}",
                $"see the {kind} worker's log (docker logs on its node) and the operation at /api/v1/operations/{_operationId}")],
            _ => [CheckOutcome.Fail(target, $"{kind} {_operationId} is {status}", "it has not finished yet: give Verify a longer --verify-timeout")],
        };
    }
}
