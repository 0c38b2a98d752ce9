using Ktrdr.Deploy.Rendering;
using Ktrdr.Deploy.Topology;
using Serilog;

namespace Ktrdr.Deploy.EntryPoints;

/// <summary>Prints a render's checks as a table, then every problem grouped by file, in line order.</summary>
public static class RenderReport
{
    public static void Print(RenderOutcome outcome)
    {
        if (outcome.LoadProblems.Count > 0)
            Log.Error("Input files could not be read completely ({Count} problem(s))", outcome.LoadProblems.Count);
        foreach (var check in outcome.Checks)
        {
            var errors = check.Diagnostics.Count(d => d.IsError);
            var warnings = check.Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Warning);
            var result = errors > 0 ? $"FAILED ({errors})" : warnings == 0 ? "ok"
                : check.Diagnostics.Any(d => d.Message.StartsWith("not checked:", StringComparison.Ordinal)) ? "not run (tool missing)" : $"ok, {warnings} warning(s)";
            if (errors > 0) Log.Error("  check {Check,-26} {Result}", check.Check, result);
            else if (warnings > 0) Log.Warning("  check {Check,-26} {Result}", check.Check, result);
            else Log.Information("  check {Check,-26} {Result}", check.Check, result);
        }
        foreach (var file in outcome.AllDiagnostics.GroupBy(d => d.File).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var errors = file.Count(d => d.IsError);
            if (errors > 0) Log.Error("{File}: {Count} problem(s)", Relative(file.Key), errors);
            foreach (var d in file.OrderBy(d => d.Line))
            {
                var text = (d with { File = Relative(d.File) }).ToString();
                if (d.IsError) Log.Error("  {Problem}", text);
                else if (d.Severity == DiagnosticSeverity.Note) Log.Information("  {Problem}", text);
                else Log.Warning("  {Problem}", text);
            }
        }
    }

    public static string FailureSummary(RenderOutcome outcome)
    {
        var errors = outcome.AllDiagnostics.Where(d => d.IsError).ToList();
        var files = errors.Select(d => d.File).Distinct().Count();
        return $"{errors.Count} problem(s) in {files} file(s); nothing was written. Fix them and run RenderConfigs again.";
    }

    private static string Relative(string path) =>
        Path.IsPathRooted(path) && !Path.GetRelativePath(Directory.GetCurrentDirectory(), path).StartsWith("..", StringComparison.Ordinal)
            ? Path.GetRelativePath(Directory.GetCurrentDirectory(), path)
            : path;
}
