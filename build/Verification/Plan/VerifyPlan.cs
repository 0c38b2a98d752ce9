namespace Ktrdr.Deploy.Verification;

/// <summary>
/// What a running environment must look like, as derived from its topology: where to ask, and what the
/// answers must contain. Built by the build layer (VerifyPlanBuilder) or by tests; read by <see cref="VerifyRunner"/>.
/// </summary>
public sealed record VerifyPlan
{
    public static readonly TimeSpan DefaultDeadline = TimeSpan.FromSeconds(60);
    public static readonly TimeSpan DefaultRequestTimeout = TimeSpan.FromSeconds(5);
    public static readonly TimeSpan DefaultPollInterval = TimeSpan.FromSeconds(1);

    /// <summary>Environment name (homelab, lab, ...), used in messages and skip reasons.</summary>
    public required string Environment { get; init; }

    /// <summary>The backend's base URL, e.g. http://backend.ktrdr.lab:8000.</summary>
    public required Uri Backend { get; init; }

    /// <summary>Every worker that must be registered; no other may be.</summary>
    public required IReadOnlyList<ExpectedWorker> Workers { get; init; }

    /// <summary>Prometheus' base URL, e.g. http://backend.ktrdr.lab:9090.</summary>
    public required Uri Prometheus { get; init; }

    /// <summary>Scrape targets exactly as the generated prometheus.yml has them; no other may be active.</summary>
    public required IReadOnlyList<ExpectedTarget> Targets { get; init; }

    /// <summary>Every dashboard panel query; each must return data.</summary>
    public IReadOnlyList<PanelQuery> Queries { get; init; } = [];

    public required Component<GrafanaPlan> Grafana { get; init; }

    public required Component<JaegerPlan> Jaeger { get; init; }

    /// <summary>Rule groups, Alertmanager and the alerts firing now; skipped where the topology has no alerting section.</summary>
    public Component<AlertingPlan> Alerting { get; init; } = Component<AlertingPlan>.Skipped("no alerting section in the topology");

    /// <summary>Host name → address to connect to, for names this machine cannot resolve (the lab). Others use DNS.</summary>
    public IReadOnlyDictionary<string, string> HostMap { get; init; } = new Dictionary<string, string>();

    /// <summary>How long failing checks are retried before the report is final.</summary>
    public TimeSpan Deadline { get; init; } = DefaultDeadline;

    /// <summary>Longest wait for one HTTP answer.</summary>
    public TimeSpan RequestTimeout { get; init; } = DefaultRequestTimeout;

    /// <summary>Pause between two rounds of the failing checks.</summary>
    public TimeSpan PollInterval { get; init; } = DefaultPollInterval;

    /// <summary>--smoke: also start one backtest and one training through the backend and wait until both complete.</summary>
    public bool Smoke { get; init; }

    /// <summary>
    /// --strict: an alert firing now fails Verify (otherwise it is a warning: news, not a failure), and Verify waits for
    /// what Prometheus' next scrapes and evaluations bring after a deploy (first scrape of a target, a panel's second
    /// sample, a rule's first evaluation) instead of reporting it as a warning.
    /// </summary>
    public bool Strict { get; init; }
}

public enum WorkerKind { Backtesting, Training }

/// <summary>A worker slot: its stable id, type, the URL the backend reaches it on (no trailing slash), and whether it has a GPU.</summary>
public sealed record ExpectedWorker(string Id, WorkerKind Kind, string Endpoint, bool GpuExpected)
{
    /// <summary>The worker_type the backend records (backtesting, training).</summary>
    public string TypeName => Kind.ToString().ToLowerInvariant();

    /// <summary>The URL the backend's health poller calls: the endpoint plus /health, verbatim.</summary>
    public Uri HealthUrl => new(Endpoint + "/health");
}

/// <summary>One scrape target as Prometheus labels it: job name and instance ("host:port").</summary>
public sealed record ExpectedTarget(string Job, string Instance)
{
    public override string ToString() => $"{Job} {Instance}";
}

/// <summary>
/// One dashboard panel's PromQL (Grafana variables already replaced), with the metric names it reads and its
/// job matchers as PromQL text (e.g. <c>job=~"ktrdr-.*"</c>) so an empty answer can be explained.
/// </summary>
public sealed record PanelQuery(string Dashboard, string Panel, string Expr, IReadOnlyList<string> Metrics, IReadOnlyList<string> JobMatchers)
{
    public string Target => $"{Dashboard} / {Panel}";
}
