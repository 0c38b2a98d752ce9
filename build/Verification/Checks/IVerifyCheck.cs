using Ktrdr.Deploy.Verification.Http;

namespace Ktrdr.Deploy.Verification.Checks;

/// <summary>
/// One check of the running system. It asks, then reports an outcome per target; it never throws for a bad
/// answer. The runner re-runs a check while any of its outcomes failed, until the plan's deadline.
/// </summary>
internal interface IVerifyCheck
{
    /// <summary>The name in the report's check column (e.g. "workers registered").</summary>
    string Name { get; }

    Task<IReadOnlyList<CheckOutcome>> RunAsync(VerifyHttp http, CancellationToken ct);
}
