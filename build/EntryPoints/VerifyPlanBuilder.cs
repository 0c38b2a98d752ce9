using Ktrdr.Deploy.Rollout.Nodes;
using Ktrdr.Deploy.Rendering.Bundles;
using Ktrdr.Deploy.Rendering.Prometheus;
using Ktrdr.Deploy.Topology;
using Ktrdr.Deploy.Verification;

namespace Ktrdr.Deploy.EntryPoints;

/// <summary>
/// Derives what Verify expects from the same inputs RenderConfigs renders: the workers of every worker/gpu node's
/// active KTRDR services (ids and URLs from the node's .env values), the scrape targets of the generated
/// prometheus.yml, every dashboard query, and Grafana/Jaeger only when the core node's profiles start them.
/// Node addresses (<see cref="NodeSpec.Address"/>) become the host map; the caller fills them for the lab.
/// </summary>
public static class VerifyPlanBuilder
{
    /// <exception cref="InvalidInputException">The topology or a compose file lacks what Verify needs; every problem is listed.</exception>
    public static VerifyPlan Build(EnvironmentTopology env, DeploySources sources, string tag, TimeSpan deadline, GrafanaLogin? grafanaLogin = null)
    {
        var problems = new List<Diagnostic>();
        var core = env.NodesWithRole(NodeRole.Core).FirstOrDefault();
        if (core is null)
            throw new InvalidInputException([new Diagnostic(env.SourceFile, 0, 0, "nodes",
                "expected a node with role core (it runs the backend and Prometheus Verify asks), found none",
                "add the core node to the topology, or verify another environment")]);

        var backend = CoreEndpoints.Url(env, sources, core, ScrapeConfigGenerator.KtrdrImageKey, CoreEndpoints.BackendPort);
        var prometheus = CoreEndpoints.Url(env, sources, core, "prometheus", CoreEndpoints.PrometheusPort);
        if (backend is null) problems.Add(CoreEndpoints.Missing(env, core, "the backend (a service running the ktrdr image)"));
        if (prometheus is null) problems.Add(CoreEndpoints.Missing(env, core, "Prometheus (a service running the prometheus image)"));
        var workers = ExpectedWorkerReader.Read(env, sources, tag, problems);
        var dashboards = DashboardExpectations.Read(sources, problems);
        if (problems.Count > 0) throw new InvalidInputException(problems);

        return new VerifyPlan
        {
            Environment = env.Name,
            Backend = backend!,
            Workers = workers,
            Prometheus = prometheus!,
            Targets = ScrapeConfigGenerator.Jobs(env, sources)
                .SelectMany(job => job.Targets.Select(t => new ExpectedTarget(job.Name, t.Address))).ToList(),
            Queries = dashboards.Queries,
            Grafana = CoreEndpoints.Url(env, sources, core, "grafana", CoreEndpoints.GrafanaPort) is { } grafana
                ? Component<GrafanaPlan>.Deployed(new GrafanaPlan(grafana, dashboards.DatasourceUids, dashboards.Dashboards, grafanaLogin))
                : Component<GrafanaPlan>.NotDeployedIn(env.Name),
            Jaeger = CoreEndpoints.Url(env, sources, core, "jaeger", CoreEndpoints.JaegerPort) is { } jaeger
                ? Component<JaegerPlan>.Deployed(new JaegerPlan(jaeger))
                : Component<JaegerPlan>.NotDeployedIn(env.Name),
            Alerting = AlertingPlanOf(env, sources, core),
            HostMap = HostMap(env, sources),
            Deadline = deadline,
        };
    }

    /// <summary>Alertmanager on the core node and the rule groups of the shipped rule files, when the topology alerts.</summary>
    private static Component<AlertingPlan> AlertingPlanOf(EnvironmentTopology env, DeploySources sources, NodeSpec core) =>
        env.Alerting is not null && CoreEndpoints.Url(env, sources, core, AlertmanagerConfig.Service, AlertmanagerConfig.Port) is { } alertmanager
            ? Component<AlertingPlan>.Deployed(new AlertingPlan(alertmanager,
                sources.RuleFiles.SelectMany(f => AlertRule.Read(f.Key, f.Value)).Select(r => r.Group).Distinct().ToList()))
            : Component<AlertingPlan>.Skipped(env.Alerting is null ? "no alerting section in the topology" : "the core node runs no alertmanager service");

    /// <summary>
    /// Every node's host name → its connect address, for the nodes that have one (the lab); on a node that is this
    /// machine (the local stack), every KTRDR service name → loopback, where its ports are published.
    /// </summary>
    public static IReadOnlyDictionary<string, string> HostMap(EnvironmentTopology env, DeploySources? sources = null)
    {
        var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var node in env.Nodes.Where(n => n.Address is not null)) map[node.Host] = node.Address!;
        foreach (var node in env.Nodes.Where(n => sources is not null && NodeTargets.IsThisMachine(n)))
            foreach (var service in ScrapeConfigGenerator.KtrdrServices(env, sources!, node)) map[service.Name] = "127.0.0.1";
        return map;
    }
}
