namespace Ktrdr.Deploy.Verification.Evaluation;

/// <summary>
/// Compares Prometheus' active targets with the generated prometheus.yml: every expected (job, instance) present and
/// up, nothing else scraped. A DOWN target quotes Prometheus' own error and points at the usual cause, a port that
/// differs from the one the container listens on. A target Prometheus has not scraped yet (it (re)started with the deploy
/// and scrapes every 15 s) is judged on what its scrape URL answered Verify itself: a Prometheus text exposition is a
/// warning saying so, no answer a failure with the same port hint; so is a target whose last scrape was refused (it was
/// scraped before its container listened) and that answers now. With --strict both fail, so Verify waits for "up".
/// </summary>
internal static class TargetsEvaluator
{
    public static IReadOnlyList<CheckOutcome> Evaluate(IReadOnlyList<ExpectedTarget> expected, ScrapeSnapshot snapshot, bool strict)
    {
        var active = snapshot.Active;
        var outcomes = new List<CheckOutcome>();
        foreach (var target in expected)
        {
            var found = active.FirstOrDefault(a => a.Job == target.Job && a.Instance == target.Instance);
            outcomes.Add(found is null ? Missing(target, active) : Health(target, found, snapshot, strict));
        }
        outcomes.AddRange(active.Where(a => !expected.Any(e => e.Job == a.Job && e.Instance == a.Instance)).Select(Unexpected));
        return outcomes;
    }

    private static CheckOutcome Health(ExpectedTarget target, ActiveTarget found, ScrapeSnapshot snapshot, bool strict) => found.Health switch
    {
        "up" => CheckOutcome.Pass(target.ToString(), $"up ({found.ScrapeUrl})"),
        "down" when found.Refused && !strict && snapshot.PendingFor(found) is { Exposition: { } exposition } => CheckOutcome.Warn(target.ToString(),
            $"answers now with {exposition.Names.Count} metrics at {found.ScrapeUrl}; Prometheus' last scrape was refused (next scrape pending)",
            "Prometheus came by before the container listened (it scrapes every 15 s); Verify fetched the scrape URL itself, from this machine; " +
            "--strict waits for Prometheus' own \"up\""),
        "down" => CheckOutcome.Fail(target.ToString(), $"DOWN: {found.LastError}", PortHint(target, $"Prometheus says \"{found.LastError}\"")),
        _ when found.NotScrapedYet && !strict && snapshot.PendingFor(found) is { } own => FirstScrapePending(target, own),
        _ => CheckOutcome.Fail(target.ToString(), $"health {found.Health}: not scraped yet",
            "Prometheus has not scraped it since it (re)loaded its configuration; it scrapes every 15 s" +
            (strict ? " (--strict waits for its own scrape)" : "")),
    };

    private static CheckOutcome FirstScrapePending(ExpectedTarget target, OwnScrape own) => own switch
    {
        { Exposition: { } exposition } => CheckOutcome.Warn(target.ToString(),
            $"answers with {exposition.Names.Count} metrics at {own.Target.ScrapeUrl} (Prometheus' first scrape pending)",
            "Prometheus scrapes every 15 s and has not scraped it since it (re)started; Verify fetched the scrape URL itself, from this " +
            "machine, not from Prometheus' container; --strict waits for Prometheus' own scrape"),
        { Unreachable: true } => CheckOutcome.Warn(target.ToString(),
            $"not reachable from this machine ({own.Problem}); Prometheus' first scrape pending",
            "it lives on the core's compose network and the core does not publish its port, so only Prometheus can scrape it " +
            "(every 15 s, not yet since it (re)started); --strict waits for Prometheus' own scrape"),
        _ => CheckOutcome.Fail(target.ToString(), $"not scraped yet, and {own.Problem}", PortHint(target, "its scrape URL does not answer with metrics")),
    };

    private static string PortHint(ExpectedTarget target, string why) =>
        $"{why}: compare port {Port(target.Instance)} with the port the container listens on " +
        "(its uvicorn --port and the compose ports mapping) and check that the service runs on that node";

    private static CheckOutcome Missing(ExpectedTarget target, IReadOnlyList<ActiveTarget> active)
    {
        var sameJob = active.Where(a => a.Job == target.Job).Select(a => a.Instance).ToList();
        var detail = sameJob.Count > 0
            ? $"not among Prometheus' active targets; job {target.Job} scrapes {string.Join(", ", sameJob)} instead"
            : $"not among Prometheus' active targets; there is no job {target.Job}";
        return CheckOutcome.Fail(target.ToString(), detail,
            $"the prometheus.yml on the core node is not the one RenderConfigs generates (port {Port(target.Instance)} expected): " +
            "redeploy core, or reload Prometheus (POST /-/reload)");
    }

    private static CheckOutcome Unexpected(ActiveTarget target) =>
        CheckOutcome.Fail($"{target.Job} {target.Instance}", $"scraped by Prometheus but not in the topology (health {target.Health})",
            "the prometheus.yml on the core node is not the one RenderConfigs generates: redeploy core so both agree");

    private static string Port(string instance) => instance[(instance.LastIndexOf(':') + 1)..];
}
