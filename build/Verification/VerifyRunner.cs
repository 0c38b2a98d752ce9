using System.Diagnostics;
using Ktrdr.Deploy.Verification.Checks;
using Ktrdr.Deploy.Verification.Http;

namespace Ktrdr.Deploy.Verification;

/// <summary>
/// Runs a plan's checks concurrently, then re-runs only the failing ones every poll interval until they pass or the
/// deadline comes; a check that passed is not asked again. The report keeps each check's last outcomes, in plan order.
/// </summary>
public static class VerifyRunner
{
    /// <summary>While the failing checks stay the same, progress is told this often (not every poll).</summary>
    private static readonly TimeSpan ProgressEvery = TimeSpan.FromSeconds(10);

    /// <param name="onRetry">Told which checks still fail before a retry round, when that changes or every 10 s (progress output).</param>
    public static Task<VerifyReport> RunAsync(VerifyPlan plan, CancellationToken ct = default, Action<string>? onRetry = null) =>
        RunAsync(plan, CheckCatalog.For(plan), ct, onRetry);

    /// <summary>Runs the given checks with the plan's host map, timeouts, poll interval and deadline.</summary>
    internal static async Task<VerifyReport> RunAsync(VerifyPlan plan, IReadOnlyList<IVerifyCheck> checks, CancellationToken ct = default, Action<string>? onRetry = null)
    {
        using var http = new VerifyHttp(plan.HostMap, plan.RequestTimeout);
        var latest = new IReadOnlyList<ReportRow>[checks.Count];
        var clock = Stopwatch.StartNew();
        var pending = Enumerable.Range(0, checks.Count).ToList();
        var (lastToldCount, lastToldAt) = (-1, TimeSpan.Zero);
        while (true)
        {
            var rounds = await Task.WhenAll(pending.Select(async i => (Index: i, Rows: await RunOneAsync(checks[i], http, clock, ct))));
            foreach (var (index, rows) in rounds) latest[index] = rows;
            pending = pending.Where(i => latest[i].Any(r => r.Result == CheckResult.Failed)).ToList();
            if (pending.Count == 0 || clock.Elapsed + plan.PollInterval >= plan.Deadline) break;
            if (pending.Count != lastToldCount || clock.Elapsed - lastToldAt >= ProgressEvery)
            {
                onRetry?.Invoke(RetryMessage(pending.Select(i => latest[i]), plan.Deadline - clock.Elapsed));
                (lastToldCount, lastToldAt) = (pending.Count, clock.Elapsed);
            }
            await Task.Delay(plan.PollInterval, ct);
        }
        return new VerifyReport(plan.Environment, latest.SelectMany(r => r).ToList(), clock.Elapsed);
    }

    private static async Task<IReadOnlyList<ReportRow>> RunOneAsync(IVerifyCheck check, VerifyHttp http, Stopwatch clock, CancellationToken ct)
    {
        var outcomes = await check.RunAsync(http, ct);
        var at = clock.Elapsed;
        return outcomes.Select(o => ReportRow.From(check.Name, o, at)).ToList();
    }

    private static string RetryMessage(IEnumerable<IReadOnlyList<ReportRow>> failing, TimeSpan left)
    {
        var names = failing.SelectMany(rows => rows.Where(r => r.Result == CheckResult.Failed).Select(r => $"{r.Check} {r.Target}")).ToList();
        var shown = string.Join(", ", names.Take(4)) + (names.Count > 4 ? $" and {names.Count - 4} more" : "");
        return $"waiting for {names.Count} failing check(s) ({shown}); {Math.Max(0, left.TotalSeconds):0} s left";
    }
}
