using System.Text;
using System.Text.RegularExpressions;
using Ktrdr.Deploy.Rendering.Bundles;
using Ktrdr.Deploy.Rendering.Dashboards;
using Ktrdr.Deploy.Rendering.Tools;
using Ktrdr.Deploy.Topology;

namespace Ktrdr.Deploy.Rendering.Checks;

/// <summary>Shared plumbing of the checks that hand files to a real tool: a scratch copy, and a warning when the tool is missing.</summary>
internal static class ToolCheck
{
    public static string Scratch(IEnumerable<BundleFile> files)
    {
        var dir = Directory.CreateTempSubdirectory("ktrdr-check-").FullName;
        foreach (var f in files)
        {
            var path = Path.Combine(dir, f.Path);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, f.Content);
        }
        return dir;
    }

    public static Diagnostic Missing(string file, string tool, string package) =>
        new(file, 0, 0, "", $"not checked: {tool} is not installed",
            $"install it (apt-get install -y {package}); ./build.sh RenderConfigs installs it itself when run as root on Debian",
            DiagnosticSeverity.Warning);

    /// <summary>Runs <paramref name="tool"/> with <paramref name="args"/> plus the file on every bundle's generated <paramref name="path"/>.</summary>
    public static IEnumerable<Diagnostic> GeneratedFile(RenderContext ctx, string path, string tool, IReadOnlyList<string> args, string package, string hint)
    {
        foreach (var bundle in ctx.Bundles.Where(b => b.File(path) is not null))
        {
            var dir = Scratch([bundle.File(path)!]);
            var result = ctx.Tools.Run(tool, [.. args, path], dir);
            Directory.Delete(dir, true);
            var shown = $"{bundle.Node.Name}/{path} (generated)";
            if (result is null) yield return Missing(shown, tool, package);
            else if (!result.Succeeded)
                yield return new Diagnostic(shown, 0, 0, "", $"{tool} rejects the generated config:\n    " + string.Join("\n    ", OutputLines(result)), hint);
        }
    }

    public static IEnumerable<string> OutputLines(ToolResult r) =>
        r.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

/// <summary><c>promtool check config</c> on the generated prometheus.yml of the core bundle.</summary>
internal sealed class PromtoolConfigCheck : IRenderCheck
{
    public string Name => "promtool check config";

    public IEnumerable<Diagnostic> Run(RenderContext ctx) =>
        ToolCheck.GeneratedFile(ctx, BundleRenderer.PrometheusConfig, "promtool", ["check", "config"], "prometheus",
            "the config is generated from the topology and compose files: fix the node or service they name");
}

/// <summary>Every dashboard expression parses as PromQL: promtool checks them as recording rules, one group per expression.</summary>
internal sealed partial class PromQlParseCheck : IRenderCheck
{
    public string Name => "dashboard PromQL";

    public IEnumerable<Diagnostic> Run(RenderContext ctx)
    {
        var queries = GrafanaProvisioning.From(ctx.Sources, []).Dashboards.SelectMany(d => d.Queries).ToList();
        if (queries.Count == 0) yield break;
        var rules = new StringBuilder("groups:\n");
        for (var i = 0; i < queries.Count; i++)
            rules.Append($"  - name: q{i}\n    rules:\n      - record: dashboard_query_{i}\n        expr: {System.Text.Json.JsonSerializer.Serialize(PromQl.WithoutGrafanaVariables(queries[i].Expr))}\n");
        var dir = ToolCheck.Scratch([new BundleFile("rules.yml", rules.ToString())]);
        var result = ctx.Tools.Run("promtool", ["check", "rules", "rules.yml"], dir);
        Directory.Delete(dir, true);
        if (result is null) { yield return ToolCheck.Missing(queries[0].Dashboard, "promtool", "prometheus"); yield break; }
        if (result.Succeeded) yield break;
        var mapped = false;
        foreach (var line in ToolCheck.OutputLines(result))
        {
            var m = GroupName().Match(line);
            if (!m.Success) continue;
            mapped = true;
            var q = queries[int.Parse(m.Groups[1].Value)];
            var error = line[(line.IndexOf("could not parse", StringComparison.Ordinal) is var at and >= 0 ? at : 0)..];
            yield return new Diagnostic(q.Dashboard, q.Line, 1, $"panel \"{q.Panel}\"", $"the expression does not parse ({error}): {q.Expr}",
                "fix the PromQL; try it in Prometheus' expression browser");
        }
        if (!mapped)
            yield return new Diagnostic(queries[0].Dashboard, 0, 0, "", "promtool rejects a dashboard expression:\n    " + string.Join("\n    ", ToolCheck.OutputLines(result)),
                "fix the PromQL it names");
    }

    [GeneratedRegex(@"group ""q(\d+)""")] private static partial Regex GroupName();
}

/// <summary>
/// <c>docker-compose config -q</c> over each node's compose files, with its rendered .env, its profiles,
/// and placeholder values for the secrets — so it validates exactly what the node will run.
/// </summary>
internal sealed class ComposeConfigCheck : IRenderCheck
{
    public string Name => "docker-compose config";

    public IEnumerable<Diagnostic> Run(RenderContext ctx)
    {
        foreach (var bundle in ctx.Bundles)
        {
            var composeFiles = ctx.Sources.ComposeFor(ctx.Env, bundle.Node);
            if (composeFiles.Count == 0) continue;
            var dir = ToolCheck.Scratch(bundle.Files);
            var args = new List<string>();
            foreach (var f in composeFiles) args.AddRange(["-f", f.FileName]);
            foreach (var p in bundle.Node.Profiles) args.AddRange(["--profile", p]);
            args.AddRange(["config", "-q"]);
            var result = ctx.Tools.Run("docker-compose", args, dir, ctx.SecretPlaceholders);
            Directory.Delete(dir, true);
            var shown = composeFiles[0].Path;
            if (result is null) { yield return ToolCheck.Missing(shown, "docker-compose", "docker-compose"); yield break; }
            if (!result.Succeeded)
                yield return new Diagnostic(shown, 0, 0, "", $"docker-compose rejects the files for node {bundle.Node.Name}:\n    " + string.Join("\n    ", ToolCheck.OutputLines(result)),
                    "fix the service or key it names");
        }
    }
}
