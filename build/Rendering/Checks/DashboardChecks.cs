using Ktrdr.Deploy.Rendering.Dashboards;
using Ktrdr.Deploy.Topology;
using Ktrdr.Deploy.Topology.Text;

namespace Ktrdr.Deploy.Rendering.Checks;

/// <summary>Every datasource uid a dashboard references is declared in datasources.yml (a mismatch once left every panel empty).</summary>
public sealed class DashboardDatasourceCheck : IRenderCheck
{
    public string Name => "dashboard datasources";

    public IEnumerable<Diagnostic> Run(RenderContext ctx)
    {
        var problems = new List<Diagnostic>();
        var grafana = GrafanaProvisioning.From(ctx.Sources, problems);
        foreach (var use in grafana.Dashboards.SelectMany(d => d.Datasources).Where(u => !grafana.DatasourceUids.ContainsKey(u.Uid)))
            problems.Add(new Diagnostic(use.Dashboard, use.Line, 1, "datasource.uid",
                $"references datasource uid \"{use.Uid}\", which {Path.GetFileName(grafana.DatasourcesPath)} does not declare (declared: {string.Join(", ", grafana.DatasourceUids.Keys.Order())})",
                "use one of the declared uids, or add the datasource with that uid"));
        return problems;
    }
}

/// <summary>
/// Dashboard queries use only metric names that exist (the metric catalog) and every job matcher matches a job
/// the generated prometheus.yml defines — dashboards once filtered on jobs nobody scraped.
/// </summary>
public sealed class DashboardQueryCheck : IRenderCheck
{
    public string Name => "dashboard queries";

    public IEnumerable<Diagnostic> Run(RenderContext ctx)
    {
        var problems = new List<Diagnostic>();
        var known = ctx.Sources.MetricCatalog.ToHashSet();
        var jobs = ctx.Jobs.Select(j => j.Name).ToList();
        foreach (var q in GrafanaProvisioning.From(ctx.Sources, []).Dashboards.SelectMany(d => d.Queries))
        {
            foreach (var metric in PromQl.MetricNames(q.Expr).Where(m => !known.Contains(m)))
                problems.Add(new Diagnostic(q.Dashboard, q.Line, 1, $"panel \"{q.Panel}\"",
                    $"queries metric \"{metric}\", which the application does not expose (not in {Path.GetFileName(ctx.Sources.MetricCatalogPath)})",
                    DidYouMean.Hint(metric, known.Order().ToList(), "catalogued metrics")));
            foreach (var m in PromQl.Matchers(q.Expr, "job").Where(m => m.Op is "=" or "=~" && !jobs.Any(m.Matches)))
                problems.Add(new Diagnostic(q.Dashboard, q.Line, 1, $"panel \"{q.Panel}\"",
                    $"job{m.Op}\"{m.Value}\" matches no scrape job; the generated jobs are {string.Join(", ", jobs)}",
                    "match the job names prometheus.yml defines (ktrdr-backend, ktrdr-<node>)"));
        }
        return problems;
    }
}
