namespace Ktrdr.Deploy.Verification.Evaluation;

/// <summary>
/// What Verify fetched itself from the scrape URL of a target Prometheus has not scraped yet: the exposition, or why
/// there is none (no answer, not 200, not a Prometheus text exposition). <paramref name="Unreachable"/>: no answer from a
/// service of the core's compose network, whose port the core may not publish (node-exporter): no proof of a wrong port.
/// </summary>
internal sealed record OwnScrape(ActiveTarget Target, Exposition? Exposition, string Problem = "", bool Unreachable = false)
{
    public static OwnScrape Answered(ActiveTarget target, Exposition exposition) => new(target, exposition);

    public static OwnScrape Failed(ActiveTarget target, string problem) => new(target, null, problem);

    /// <summary>No answer at all (no connection, no HTTP): <see cref="Unreachable"/> when the target is on the core's compose network.</summary>
    public static OwnScrape NoAnswer(ActiveTarget target, string problem) => new(target, null, problem, OnComposeNetwork(target.ScrapeUrl));

    /// <summary>A scrape URL whose host has no dot: a compose service name on the core node's network, or localhost (Prometheus' container).</summary>
    public static bool OnComposeNetwork(string scrapeUrl) =>
        Uri.TryCreate(scrapeUrl, UriKind.Absolute, out var url) && url.HostNameType == UriHostNameType.Dns && !url.Host.Contains('.');

    /// <summary>
    /// Where Verify fetches a scrape URL from this machine: as Prometheus has it, except that a host without a dot (a
    /// compose service name on the core node's network, or localhost: Prometheus' own container) is reached at
    /// Prometheus' host, the core node, which publishes those ports (backend 8000, Prometheus 9090, Alertmanager 9093).
    /// Null when Prometheus gives no absolute http(s) URL.
    /// </summary>
    public static Uri? Reachable(string scrapeUrl, Uri prometheus)
    {
        if (!Uri.TryCreate(scrapeUrl, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https")) return null;
        return OnComposeNetwork(scrapeUrl) ? new UriBuilder(url) { Host = prometheus.Host }.Uri : url;
    }
}

/// <summary>
/// Prometheus' active targets as Verify saw them in one round, and for each target waiting for its first scrape, what
/// its scrape URL answered Verify. The targets check judges it; the dashboard checks ask it whether a metric Prometheus
/// has no series of yet is exposed by a target of the panel's jobs that is only waiting for that first scrape.
/// </summary>
internal sealed record ScrapeSnapshot(IReadOnlyList<ActiveTarget> Active, IReadOnlyList<OwnScrape> Pending)
{
    /// <summary>Series Prometheus writes itself for every scrape of every target: "exposed" by any target once scraped.</summary>
    private static readonly HashSet<string> PerScrapeSeries =
        ["up", "scrape_duration_seconds", "scrape_samples_scraped", "scrape_samples_post_metric_relabeling", "scrape_series_added"];

    public static readonly ScrapeSnapshot None = new([], []);

    public OwnScrape? PendingFor(ActiveTarget target) => Pending.FirstOrDefault(p => p.Target == target);

    /// <summary>The first target not scraped yet, of a job the matchers select, whose own answer exposes the metric; null when none.</summary>
    public ActiveTarget? ExposedWhilePending(string metric, IReadOnlyList<string> jobMatchers) =>
        Pending.FirstOrDefault(p => p.Exposition is { } e && (e.Names.Contains(metric) || PerScrapeSeries.Contains(metric))
                                    && JobMatchers.Select(jobMatchers, p.Target.Job))?.Target;
}
