using Ktrdr.Deploy.Verification.Http;

namespace Ktrdr.Deploy.Verification.Checks;

/// <summary>GET /-/ready answers 200: Prometheus has loaded its configuration and serves queries.</summary>
internal sealed class PrometheusReadyCheck(Uri prometheus) : IVerifyCheck
{
    public string Name => "prometheus ready";

    public async Task<IReadOnlyList<CheckOutcome>> RunAsync(VerifyHttp http, CancellationToken ct)
    {
        var answer = await http.GetAsync(new Uri(prometheus, "/-/ready"), ct);
        var target = Hints.HostPort(prometheus);
        return answer.Status == 200
            ? [CheckOutcome.Pass(target, HttpAnswer.Snippet(answer.Body))]
            : [CheckOutcome.Fail(target, answer.Error ?? $"GET /-/ready: {answer.Status} {HttpAnswer.Snippet(answer.Body)}",
                answer.Status == 503 ? "Prometheus is still starting (replaying its write-ahead log)" : Hints.ForAnswer(answer, "Prometheus"))];
    }
}
