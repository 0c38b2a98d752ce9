using Ktrdr.Deploy.Rendering.Dashboards;
using Ktrdr.Deploy.Topology;
using Ktrdr.Deploy.Topology.Text;

namespace Ktrdr.Deploy.Rendering.Checks;

/// <summary>Every datasource uid a dashboard references is declared in datasources.yml (a mismatch once left every panel empty).</summary>
internal sealed class DashboardDatasourceCheck : IRenderCheck
{
    public string Name => "dashboard datasources";

    public IEnumerable<Diagnostic> Run(RenderContext ctx)
    {
        var problems = new List<Diagnostic>();
        var grafana = GrafanaProvisioning.From(ctx.Sources, problems);
        var uses = grafana.Dashboards.SelectMany(d => d.Datasources).ToList();
        if (!grafana.DatasourcesRead)
            return RootCause.Summarise(problems, grafana.DatasourcesPath,
                $"the {uses.Count} datasource reference(s) in {grafana.Dashboards.Count} dashboard(s) are checked once it reads");
        // One problem per unknown uid, at its first use: a renamed datasource is one mistake, not one per panel.
        foreach (var group in uses.Where(u => !grafana.DatasourceUids.ContainsKey(u.Uid)).GroupBy(u => u.Uid))
        {
            var first = group.First();
            var more = group.Count() - 1;
            problems.Add(new Diagnostic(first.Dashboard, first.Line, 1, "datasource.uid",
                $"references datasource uid \"{first.Uid}\"{(more > 0 ? $" (and {more} more time(s) in {group.Select(u => u.Dashboard).Distinct().Count()} dashboard(s))" : "")}, " +
                $"which {Path.GetFileName(grafana.DatasourcesPath)} does not declare (declared: {string.Join(", ", grafana.DatasourceUids.Keys.Order())})",
                DidYouMean.Hint(first.Uid, grafana.DatasourceUids.Keys.Order().ToList(), "declared uids") +
                "; use one of the declared uids, or add the datasource with that uid"));
        }
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
