using System.Text.Json.Nodes;
using Ktrdr.Deploy.Verification.Evaluation;

namespace Ktrdr.Deploy.Verification.Checks;

/// <summary>
/// The backend's registry holds exactly the expected workers, available, with the right type, endpoint and GPU flag.
/// Checked on the backend, not only on the workers: a worker probed on /health never notices a restarted backend forgot it.
/// </summary>
internal sealed class WorkerRegistrationCheck(Uri backend, IReadOnlyList<ExpectedWorker> expected)
    : JsonCheck("workers registered", "the backend", new Uri(backend, "/api/v1/workers"), Hints.HostPort(backend))
{
    protected override IReadOnlyList<CheckOutcome> Judge(JsonNode json) =>
        RegistrationEvaluator.Evaluate(expected, RegisteredWorker.ParseList(json));
}
