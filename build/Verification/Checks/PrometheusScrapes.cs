using Ktrdr.Deploy.Verification.Evaluation;
using Ktrdr.Deploy.Verification.Http;

namespace Ktrdr.Deploy.Verification.Checks;

/// <summary>Prometheus' active targets and Verify's own scrapes of those it has not scraped yet; or why they could not be read.</summary>
internal sealed record ScrapeRead(ScrapeSnapshot Snapshot, CheckOutcome? Failure = null);

/// <summary>
/// Takes <see cref="ScrapeSnapshot"/>s for one Verify run: GET /api/v1/targets, then the scrape URL of every target
/// Prometheus has not scraped yet or found refusing (<see cref="ActiveTarget.AwaitsScrape"/>) (all at once, through the run's host map; <see cref="OwnScrape.Reachable"/>). The
/// targets check takes a new one each time it runs; the dashboard checks read the latest (joining the one in flight),
/// so a round fetches the scrape URLs once and a dashboard check sees what the targets check judged. One instance per
/// run, made by <see cref="CheckCatalog"/>; nothing outlives the run.
/// </summary>
internal sealed class PrometheusScrapes(Uri prometheus)
{
    private readonly Lock gate = new();
    private Task<ScrapeRead>? latest;

    /// <summary>A new snapshot, unless one is being taken now (then that one).</summary>
    public Task<ScrapeRead> TakeAsync(VerifyHttp http, CancellationToken ct)
    {
        lock (gate) return latest is { IsCompleted: false } ? latest : latest = ReadAsync(http, ct);
    }

    /// <summary>The latest snapshot (waiting for it when it is being taken); the first call takes one.</summary>
    public Task<ScrapeRead> LatestAsync(VerifyHttp http, CancellationToken ct)
    {
        lock (gate) return latest ??= ReadAsync(http, ct);
    }

    private async Task<ScrapeRead> ReadAsync(VerifyHttp http, CancellationToken ct)
    {
        var answer = await http.GetAsync(new Uri(prometheus, "/api/v1/targets?state=active"), ct);
        var at = Hints.HostPort(prometheus);
        if (!answer.TryJson(out var json, out var problem))
            return new ScrapeRead(ScrapeSnapshot.None, CheckOutcome.Fail(at, problem, Hints.ForAnswer(answer, "Prometheus")));
        IReadOnlyList<ActiveTarget> active;
        try { active = ActiveTarget.ParseList(json); }
        catch (FormatException e) { return new ScrapeRead(ScrapeSnapshot.None, CheckOutcome.Fail(at, e.Message, Hints.ForAnswer(answer, "Prometheus"))); }
        var pending = await Task.WhenAll(active.Where(t => t.AwaitsScrape).Select(t => ScrapeAsync(http, t, ct)));
        return new ScrapeRead(new ScrapeSnapshot(active, pending));
    }

    private async Task<OwnScrape> ScrapeAsync(VerifyHttp http, ActiveTarget target, CancellationToken ct)
    {
        if (OwnScrape.Reachable(target.ScrapeUrl, prometheus) is not { } url)
            return OwnScrape.Failed(target, $"Prometheus gives no usable scrape URL (\"{target.ScrapeUrl}\")");
        var answer = await http.GetAsync(url, ct);
        if (answer.Error is not null) return OwnScrape.NoAnswer(target, $"GET {answer.Shown}: {answer.Error}");
        if (answer.Status != 200) return OwnScrape.Failed(target, $"GET {answer.Shown}: expected 200, got {answer.Status} {HttpAnswer.Snippet(answer.Body)}".TrimEnd());
        try { return OwnScrape.Answered(target, Exposition.Parse(answer.Body)); }
        catch (FormatException e) { return OwnScrape.Failed(target, $"GET {answer.Shown}: not a Prometheus text exposition: {e.Message}"); }
    }
}
