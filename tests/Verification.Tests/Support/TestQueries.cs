using Ktrdr.Deploy.Verification;

namespace Verification.Tests.Support;

/// <summary>Panel queries shaped like the real dashboards' (same metrics and job matchers), for the local system.</summary>
public static class TestQueries
{
    public static readonly PanelQuery WorkersRegistered = new("KTRDR System Overview", "Workers registered",
        "sum(ktrdr_workers_registered_total)", ["ktrdr_workers_registered_total"], []);

    public static readonly PanelQuery ScrapeTargets = new("KTRDR System Overview", "Scrape targets",
        "up{job=~\"ktrdr-.*\"}", ["up"], ["job=~\"ktrdr-.*\""]);

    public static readonly PanelQuery CpuPerSlot = new("KTRDR Worker Status", "CPU per slot",
        "rate(process_cpu_seconds_total{job=~\"ktrdr-workers.*|ktrdr-gpu\"}[5m])", ["process_cpu_seconds_total"], ["job=~\"ktrdr-workers.*|ktrdr-gpu\""]);

    public static readonly PanelQuery ApiRequests = new("KTRDR Operations", "API requests by route",
        "sum by (http_target) (rate(http_server_duration_milliseconds_count{job=\"ktrdr-backend\"}[5m]))",
        ["http_server_duration_milliseconds_count"], ["job=\"ktrdr-backend\""]);

    public static readonly IReadOnlyList<PanelQuery> Healthy = [WorkersRegistered, ScrapeTargets, CpuPerSlot, ApiRequests];
}
