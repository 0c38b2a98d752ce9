using Ktrdr.Deploy.Verification.Http;

namespace Ktrdr.Deploy.Verification.Checks;

/// <summary>A component the environment does not deploy: reported as skipped with the reason, never as passed.</summary>
internal sealed class SkippedCheck(string name, string reason) : IVerifyCheck
{
    public string Name => name;

    public Task<IReadOnlyList<CheckOutcome>> RunAsync(VerifyHttp http, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<CheckOutcome>>([CheckOutcome.Skip("-", reason)]);
}
