using System.Text;
using Ktrdr.Deploy.Rendering.Bundles;
using Ktrdr.Deploy.Rendering.Compose;
using Ktrdr.Deploy.Topology;

namespace Ktrdr.Deploy.Rendering.Prometheus;

/// <summary>One scrape job: a node's KTRDR processes. Targets are "host:port".</summary>
public sealed record ScrapeJob(string Name, string Node, IReadOnlyList<ScrapeTarget> Targets);

/// <summary>A target and the compose service that answers on it; <see cref="Labels"/> are the target labels rules group by.</summary>
public sealed record ScrapeTarget(string Address, string Service, int Port)
{
    /// <summary>slot (the compose service), worker_type (workers), gpu="true" (slots on a gpu node).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Labels { get; init; } = [];
}

/// <summary>
/// prometheus.yml is a fact of the topology: a job for the backend (reached by its compose service name
/// from Prometheus on the same compose network) and one job per worker node with a target for every
/// port its active profiles publish. Every job scrapes <c>/metrics/</c> (the backend's mounted app
/// redirects <c>/metrics</c>; workers redirect <c>/metrics/</c> back, which Prometheus follows).
/// </summary>
public static class ScrapeConfigGenerator
{
    public const string MetricsPath = "/metrics/";
    public const string KtrdrImageKey = "ktrdr";

    public static string JobName(NodeSpec node) => node.Role == NodeRole.Core ? "ktrdr-backend" : $"ktrdr-{node.Name}";

    /// <summary>Workers that run on the core node itself (the single-host local stack) are scraped as this job.</summary>
    public const string CoreWorkersJob = "ktrdr-workers";

    /// <summary>Prometheus scrapes itself: its notification metrics say whether it reaches Alertmanager.</summary>
    public const string PrometheusJob = "prometheus";

    /// <summary>Alertmanager on the core node, scraped so Verify and the rules see it up.</summary>
    public const string AlertmanagerJob = "alertmanager";

    /// <summary>
    /// node_exporter on the core node, serving only its textfile collector: the newest backup's age that Backup writes
    /// (db-backups/ktrdr_backup.prom). Scraped when the core node's compose runs a service of this name.
    /// </summary>
    public const string NodeExporterJob = "node-exporter";
    public const int NodeExporterPort = 9100;

    public static IReadOnlyList<ScrapeJob> Jobs(EnvironmentTopology env, DeploySources sources)
    {
        var jobs = new List<ScrapeJob>();
        foreach (var node in env.Nodes)
        {
            var services = KtrdrServices(env, sources, node).ToList();
            if (node.Role != NodeRole.Core)
            {
                Add(JobName(node), node, services.SelectMany(s => s.Ports.Select(p => Labelled(new ScrapeTarget($"{node.Host}:{p.HostPort}", s.Name, p.HostPort), s, node))));
                continue;
            }
            // on the core node Prometheus shares the compose network: services by name; its workers (if any) in a job of their own
            Add(JobName(node), node, services.Where(s => !IsWorker(s)).SelectMany(s => ByServiceName(s, node)));
            Add(CoreWorkersJob, node, services.Where(IsWorker).SelectMany(s => ByServiceName(s, node)));
        }
        if (env.NodesWithRole(NodeRole.Core).FirstOrDefault() is { } core)
        {
            Add(PrometheusJob, core, [new ScrapeTarget($"localhost:{PrometheusPort}", "prometheus", PrometheusPort)]);
            if (env.Alerting is not null)
                Add(AlertmanagerJob, core, [new ScrapeTarget(AlertmanagerConfig.Address, AlertmanagerConfig.Service, AlertmanagerConfig.Port)]);
            if (sources.ComposeFor(env, core).SelectMany(f => f.ActiveServices(core.Profiles)).Any(s => s.Name == NodeExporterJob))
                Add(NodeExporterJob, core, [new ScrapeTarget($"{NodeExporterJob}:{NodeExporterPort}", NodeExporterJob, NodeExporterPort)]);
        }
        return jobs;

        void Add(string name, NodeSpec node, IEnumerable<ScrapeTarget> targets)
        {
            var list = targets.ToList();
            if (list.Count > 0) jobs.Add(new ScrapeJob(name, node.Name, list));
        }

        static IEnumerable<ScrapeTarget> ByServiceName(ComposeService s, NodeSpec node) =>
            s.Ports.Select(p => Labelled(new ScrapeTarget($"{s.Name}:{p.ContainerPort}", s.Name, p.ContainerPort), s, node));
    }

    /// <summary>Prometheus' own port inside its container.</summary>
    public const int PrometheusPort = 9090;

    /// <summary>The labels alert rules read: the slot, and for a worker its type and whether its node has the GPU.</summary>
    private static ScrapeTarget Labelled(ScrapeTarget target, ComposeService service, NodeSpec node)
    {
        var labels = new List<KeyValuePair<string, string>> { new("slot", service.Name) };
        if (IsWorker(service) && WorkerModules.TypeOf(service) is { } type) labels.Add(new("worker_type", type));
        if (node.Role == NodeRole.Gpu) labels.Add(new("gpu", "true"));
        return target with { Labels = labels };
    }

    /// <summary>A KTRDR worker: it is told its port (<c>KTRDR_WORKER_PORT</c>); the backend is not.</summary>
    public static bool IsWorker(ComposeService service) => service.Env("KTRDR_WORKER_PORT") is not null;

    /// <summary>
    /// Services of the node that run the KTRDR image (by its .env variable, or written out with its repository, as
    /// in a deploy tree kept elsewhere: <c>ghcr.io/…/ktrdr-backend:${IMAGE_TAG}</c>) and are active under the node's profiles.
    /// </summary>
    public static IEnumerable<ComposeService> KtrdrServices(EnvironmentTopology env, DeploySources sources, NodeSpec node)
    {
        if (!env.Images.TryGetValue(KtrdrImageKey, out var image)) return [];
        return sources.ComposeFor(env, node)
            .SelectMany(f => f.ActiveServices(node.Profiles))
            .Where(s => s.Image is not null && (s.Image.Contains("$" + "{" + image.EnvVariable, StringComparison.Ordinal) ||
                                                s.Image.Contains("/" + image.Repository + ":", StringComparison.Ordinal)));
    }

    /// <summary>prometheus.yml; with <paramref name="alerting"/> it sends alerts to Alertmanager on the core compose network.</summary>
    public static string Render(IReadOnlyList<ScrapeJob> jobs, bool alerting = false)
    {
        var yml = new StringBuilder();
        yml.Append("# Generated by ./build.sh RenderConfigs from the topology; edit the topology or compose profiles, not this file.\n");
        yml.Append("global:\n  scrape_interval: 15s\n  evaluation_interval: 15s\n\n");
        yml.Append($"# Alert rules from deploy/shared/prometheus/rules, unit-tested by promtool at every RenderConfigs.\nrule_files:\n  - {RuleFiles.ConfigGlob}\n\n");
        if (alerting)
            yml.Append($"alerting:\n  alertmanagers:\n    - static_configs:\n        - targets: ['{AlertmanagerConfig.Address}']\n\n");
        yml.Append("scrape_configs:\n");
        foreach (var job in jobs)
        {
            yml.Append($"  - job_name: {job.Name}\n");
            yml.Append($"    metrics_path: {(job.Name is PrometheusJob or AlertmanagerJob or NodeExporterJob ? "/metrics" : MetricsPath)}\n");
            yml.Append("    static_configs:\n");
            foreach (var t in job.Targets)
            {
                yml.Append($"      - targets: ['{t.Address}']\n");
                yml.Append($"        labels:\n          node: {job.Node}\n");
                foreach (var (name, value) in t.Labels) yml.Append($"          {name}: '{value}'\n");
            }
        }
        return yml.ToString();
    }
}
