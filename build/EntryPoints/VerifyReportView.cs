using Ktrdr.Deploy.Verification;
using Serilog;

namespace Ktrdr.Deploy.EntryPoints;

/// <summary>Prints a Verify report as an aligned table (one line per check and target) and words the failure summary.</summary>
public static class VerifyReportView
{
    public static void Print(VerifyReport report)
    {
        var checkWidth = Math.Max(5, report.Rows.Max(r => r.Check.Length));
        var targetWidth = Math.Min(60, Math.Max(6, report.Rows.Max(r => r.Target.Length)));
        Log.Information("  {Check} {Target} {Result,-7} {Time,7}  detail", "check".PadRight(checkWidth), "target".PadRight(targetWidth), "result", "time");
        foreach (var row in report.Rows)
        {
            var time = $"{row.Elapsed.TotalSeconds:0.00} s";
            var args = new object[] { row.Check.PadRight(checkWidth), row.Target.PadRight(targetWidth), Word(row.Result), time, row.Detail };
            const string line = "  {Check} {Target} {Result,-7} {Time,7}  {Detail}";
            switch (row.Result)
            {
                case CheckResult.Failed: Log.Error(line, args); Log.Error("      hint: {Hint}", row.Hint); break;
                case CheckResult.Warning: Log.Warning(line, args); Log.Warning("      hint: {Hint}", row.Hint); break;
                default: Log.Information(line, args); break;
            }
        }
        Log.Information("Verify {Environment}: {Passed} passed, {Failed} failed, {Warnings} warning(s), {Skipped} skipped in {Seconds:0.00} s",
            report.Environment, report.Count(CheckResult.Passed), report.Count(CheckResult.Failed), report.Count(CheckResult.Warning),
            report.Count(CheckResult.Skipped), report.Elapsed.TotalSeconds);
    }

    /// <summary>
    /// The message of the build failure: each failed check with its target and detail, under its hint. Checks that share
    /// a hint (everything behind an unreachable host, say) are listed together so the cause reads once.
    /// </summary>
    public static string FailureSummary(VerifyReport report) =>
        $"Verify found {report.Failures.Count} failed check(s) in {report.Environment}:\n" +
        string.Join("\n", report.Failures.GroupBy(f => f.Hint).Select(group =>
            string.Concat(group.Select(f => $"  - {f.Check} {f.Target}: {f.Detail}\n")) + $"      hint: {group.Key}"));

    private static string Word(CheckResult result) => result.ToString().ToLowerInvariant();
}
