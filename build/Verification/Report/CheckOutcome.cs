namespace Ktrdr.Deploy.Verification;

public enum CheckResult { Passed, Failed, Skipped, Warning }

/// <summary>What one check found about one target: the result, what was seen, and what to do when it is wrong.</summary>
public sealed record CheckOutcome(string Target, CheckResult Result, string Detail, string? Hint = null)
{
    public static CheckOutcome Pass(string target, string detail) => new(target, CheckResult.Passed, detail);

    public static CheckOutcome Fail(string target, string detail, string hint) => new(target, CheckResult.Failed, detail, hint);

    public static CheckOutcome Warn(string target, string detail, string hint) => new(target, CheckResult.Warning, detail, hint);

    public static CheckOutcome Skip(string target, string reason) => new(target, CheckResult.Skipped, $"skipped: {reason}");
}

/// <summary>One line of the report: a check's outcome for a target, and when (since Verify started) it was settled.</summary>
public sealed record ReportRow(string Check, string Target, CheckResult Result, string Detail, string? Hint, TimeSpan Elapsed)
{
    public static ReportRow From(string check, CheckOutcome outcome, TimeSpan elapsed) =>
        new(check, outcome.Target, outcome.Result, outcome.Detail, outcome.Hint, elapsed);
}
