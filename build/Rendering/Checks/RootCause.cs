using Ktrdr.Deploy.Topology;

namespace Ktrdr.Deploy.Rendering.Checks;

/// <summary>
/// When an input that other checks depend on cannot be read (datasources.yml, the metric catalog), its own problem is
/// the one to fix: the checks that need it are not run, and what they would have checked is said in one line.
/// </summary>
internal static class RootCause
{
    /// <summary>The problems, with the first one about <paramref name="file"/> extended by what waits on it.</summary>
    public static List<Diagnostic> Summarise(List<Diagnostic> problems, string file, string consequence)
    {
        var at = problems.FindIndex(p => p.File == file && p.IsError);
        if (at >= 0)
            problems[at] = problems[at] with { Hint = $"{problems[at].Hint}; {consequence}" };
        return problems;
    }
}
