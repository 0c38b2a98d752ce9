using System.Text.Json.Nodes;
using Ktrdr.Deploy.Verification.Evaluation;

namespace Ktrdr.Deploy.Verification.Checks;

/// <summary>
/// GET /api/v1/health answers 200 with status ok. The backend says ok whatever its state, so this only proves
/// it answers; the registration and Prometheus checks prove the rest.
/// </summary>
internal sealed class BackendHealthCheck(Uri backend)
    : JsonCheck("backend health", "the backend", new Uri(backend, "/api/v1/health"), Hints.HostPort(backend))
{
    protected override IReadOnlyList<CheckOutcome> Judge(JsonNode json)
    {
        var status = JsonShape.OptionalString(json, "status");
        var version = JsonShape.OptionalString(json, "version") ?? "unknown";
        return status == "ok"
            ? [CheckOutcome.Pass(Hints.HostPort(backend), $"status ok, version {version}")]
            : [CheckOutcome.Fail(Hints.HostPort(backend), $"status {status ?? "missing"}, expected ok",
                "the backend always says ok when it runs: another application answers on this port, or the image is not KTRDR")];
    }
}
