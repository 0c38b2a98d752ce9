using Ktrdr.Deploy.Rendering.Dashboards;
using Ktrdr.Deploy.Topology;

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

    public IEnumerable<Diagnostic> Run(RenderContext ctx) =>
        GrafanaProvisioning.From(ctx.Sources, []).Dashboards.SelectMany(d => d.Queries)
            .SelectMany(q => QueryReferences.Problems(ctx, q.Expr, q.Dashboard, q.Line, $"panel \"{q.Panel}\""));
}
