using Ktrdr.Deploy.Verification;

namespace Verification.Tests.Support;

/// <summary>A report as text for assertion messages, and the one row a test looks at.</summary>
public static class ReportText
{
    public static string Of(VerifyReport report) =>
        string.Join("\n", report.Rows.Select(r => $"  {r.Check} | {r.Target} | {r.Result} | {r.Detail}{(r.Hint is null ? "" : $" | hint: {r.Hint}")}"));

    public static ReportRow Row(this VerifyReport report, string check, string target)
    {
        var rows = report.Rows.Where(r => r.Check == check && r.Target == target).ToList();
        Assert.True(rows.Count == 1, $"expected one row '{check}' for '{target}', found {rows.Count}:\n{Of(report)}");
        return rows[0];
    }

    /// <summary>The one row for a check and target, which must have failed.</summary>
    public static ReportRow Failed(this VerifyReport report, string check, string target)
    {
        var row = report.Row(check, target);
        Assert.True(row.Result == CheckResult.Failed, $"expected '{check}' for '{target}' to fail:\n{Of(report)}");
        return row;
    }

    /// <summary>Every row other than those named is Passed (or Skipped for components not deployed).</summary>
    public static void OthersPassed(this VerifyReport report, params ReportRow[] except)
    {
        var others = report.Rows.Except(except).Where(r => r.Result is not (CheckResult.Passed or CheckResult.Skipped)).ToList();
        Assert.True(others.Count == 0, $"expected every other row to pass:\n{Of(report)}");
    }
}
