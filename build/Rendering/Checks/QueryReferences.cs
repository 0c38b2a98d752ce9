using Ktrdr.Deploy.Rendering.Dashboards;
using Ktrdr.Deploy.Topology;
using Ktrdr.Deploy.Topology.Text;

namespace Ktrdr.Deploy.Rendering.Checks;

/// <summary>
/// What a PromQL expression reads must exist: every metric name in the metric catalog (the contract), every job matcher
/// matching a job of the generated prometheus.yml. Shared by the dashboard and alert rule checks.
/// </summary>
internal static class QueryReferences
{
    public static IEnumerable<Diagnostic> Problems(RenderContext ctx, string expr, string file, int line, string field)
    {
        var known = ctx.Sources.MetricCatalog.ToHashSet();
        var catalogRead = known.Count > 0;   // an unreadable catalog is reported where it is read; its names are unknown, not absent
        var jobs = ctx.Jobs.Select(j => j.Name).ToList();
        foreach (var metric in PromQl.MetricNames(expr).Where(m => catalogRead && !known.Contains(m)))
            yield return new Diagnostic(file, line, 1, field,
                $"queries metric \"{metric}\", which the application does not expose (not in {Path.GetFileName(ctx.Sources.MetricCatalogPath)})",
                DidYouMean.Hint(metric, known.Order().ToList(), "catalogued metrics"));
        foreach (var m in PromQl.Matchers(expr, "job").Where(m => m.Op is "=" or "=~" && !jobs.Any(m.Matches)))
            yield return new Diagnostic(file, line, 1, field,
                $"job{m.Op}\"{m.Value}\" matches no scrape job; the generated jobs are {string.Join(", ", jobs)}",
                "match the job names prometheus.yml defines: ktrdr-backend, ktrdr-<node>, prometheus; alertmanager when the topology has alerting:, node-exporter when the core node runs a node-exporter service");
    }
}
