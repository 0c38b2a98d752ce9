using Ktrdr.Deploy.Verification.Evaluation;
using Ktrdr.Deploy.Verification.Http;

namespace Ktrdr.Deploy.Verification.Checks;

/// <summary>
/// Prometheus scrapes exactly the targets of the generated prometheus.yml, and every one is up; one it has not scraped
/// yet is judged on what its scrape URL answers Verify (<see cref="TargetsEvaluator"/>), unless --strict.
/// </summary>
internal sealed class PrometheusTargetsCheck(PrometheusScrapes scrapes, IReadOnlyList<ExpectedTarget> expected, bool strict) : IVerifyCheck
{
    public string Name => "prometheus targets";

    public async Task<IReadOnlyList<CheckOutcome>> RunAsync(VerifyHttp http, CancellationToken ct)
    {
        var read = await scrapes.TakeAsync(http, ct);
        return read.Failure is { } failure ? [failure] : TargetsEvaluator.Evaluate(expected, read.Snapshot, strict);
    }
}
