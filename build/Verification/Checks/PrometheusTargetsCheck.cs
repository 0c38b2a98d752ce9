using System.Text.Json.Nodes;
using Ktrdr.Deploy.Verification.Evaluation;

namespace Ktrdr.Deploy.Verification.Checks;

/// <summary>Prometheus scrapes exactly the targets of the generated prometheus.yml, and every one is up.</summary>
internal sealed class PrometheusTargetsCheck(Uri prometheus, IReadOnlyList<ExpectedTarget> expected)
    : JsonCheck("prometheus targets", "Prometheus", new Uri(prometheus, "/api/v1/targets?state=active"), Hints.HostPort(prometheus))
{
    protected override IReadOnlyList<CheckOutcome> Judge(JsonNode json) =>
        TargetsEvaluator.Evaluate(expected, ActiveTarget.ParseList(json));
}
