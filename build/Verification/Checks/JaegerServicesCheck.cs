using System.Text.Json.Nodes;
using Ktrdr.Deploy.Verification.Evaluation;

namespace Ktrdr.Deploy.Verification.Checks;

/// <summary>GET /api/services lists the backend's service (ktrdr-api): its traces reach Jaeger.</summary>
internal sealed class JaegerServicesCheck(JaegerPlan plan)
    : JsonCheck("jaeger services", "Jaeger", new Uri(plan.Url, "/api/services"), Hints.HostPort(plan.Url))
{
    protected override IReadOnlyList<CheckOutcome> Judge(JsonNode json)
    {
        var services = JsonShape.Array(JsonShape.Object(json, "GET /api/services")["data"] ?? new JsonArray(), "GET /api/services data")
            .Select(s => s?.GetValue<string>() ?? "").ToList();
        return services.Contains(plan.Service)
            ? [CheckOutcome.Pass(plan.Service, $"traces received ({services.Count} services: {string.Join(", ", services)})")]
            : [CheckOutcome.Fail(plan.Service, $"no traces from {plan.Service} (services: {(services.Count == 0 ? "none" : string.Join(", ", services))})",
                "the backend exports traces to KTRDR_OTEL_OTLP_ENDPOINT (http://jaeger:4317) after its first request: check that variable and Jaeger's log")];
    }
}
