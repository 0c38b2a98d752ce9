namespace BuildEngine;

/// <summary>
/// <c>--confirm maybe</c>: a switch takes no value but true/false, so "maybe" would be read as a target and reported
/// as an unknown one. When no target has that name, say what it really is: a value the switch does not take.
/// </summary>
internal static class FlagValueCheck
{
    public static void Check(CommandLine line, BuildModel model)
    {
        var problems = line.WordsAfterFlags
            .Where(w => !model.Targets.Any(t => NameConvention.Matches(t.Name, w.Word)))
            .Select(w => $"{w.Flag} is a switch: it takes no value, or true/false (found \"{w.Word}\"). "
                         + $"Write {w.Flag} alone to turn it on, or {w.Flag}=false to turn it off.")
            .ToList();
        if (problems.Count > 0) throw new UsageException(string.Join(Environment.NewLine, problems));
    }
}
