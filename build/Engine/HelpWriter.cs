namespace BuildEngine;

/// <summary><c>--help</c>: usage, listed targets, parameters (type, default, who needs them, env vars), engine options.</summary>
public static class HelpWriter
{
    private static readonly (string Name, string Text)[] Options =
    [
        ("--skip [T1,T2]", "skip the named targets; alone: skip every target not named on the command line"),
        ("--plan", "print the execution plan and run nothing"),
        ("--help", "show this text"),
        ("--list-json", "print targets and parameters as JSON"),
        ("--profile <name>", "also read .nuke/parameters.<name>.json (wins over .nuke/parameters.json)"),
        ("--verbosity <level>", "quiet | normal | verbose (verbose shows debug lines and stack traces)"),
        ("--root <dir>", "root directory (default: nearest folder containing .nuke/)"),
    ];

    public static void Write(TextWriter output, BuildModel model)
    {
        output.WriteLine("Usage: ./build.sh [Target ...] [--parameter value ...] [options]");
        output.WriteLine();
        WriteTargets(output, model);
        WriteParameters(output, model);
        output.WriteLine("Options:");
        var width = Options.Max(o => o.Name.Length);
        foreach (var (name, text) in Options)
            output.WriteLine($"  {name.PadRight(width)}  {text}");
        output.Flush();
    }

    private static void WriteTargets(TextWriter output, BuildModel model)
    {
        var listed = model.Targets.Where(t => !t.Unlisted).ToList();
        output.WriteLine("Targets (* = default, runs when no target is given):");
        var width = listed.Select(t => t.Name.Length + 2).DefaultIfEmpty(0).Max();
        foreach (var target in listed)
        {
            var name = target.IsDefault ? target.Name + " *" : target.Name;
            var depends = target.DependsOn.Count == 0 ? "" : $"  (depends on: {string.Join(", ", target.DependsOn)})";
            output.WriteLine($"  {name.PadRight(width)}  {target.Description}{depends}".TrimEnd());
        }

        output.WriteLine();
    }

    private static void WriteParameters(TextWriter output, BuildModel model)
    {
        if (model.Parameters.Count == 0)
            return;
        output.WriteLine("Parameters:");
        foreach (var parameter in model.Parameters)
        {
            output.WriteLine($"  {parameter.CliName} <{TypeText(parameter)}>  {parameter.Description}".TrimEnd());
            output.WriteLine("      " + string.Join("; ", Details(model, parameter)));
        }

        output.WriteLine();
    }

    private static string TypeText(ParameterMember parameter)
    {
        var allowed = ParameterDisplay.AllowedValues(parameter.Type);
        return allowed.Count == 0 ? ParameterDisplay.TypeName(parameter.Type) : string.Join("|", allowed);
    }

    private static IEnumerable<string> Details(BuildModel model, ParameterMember parameter)
    {
        yield return $"default: {model.DefaultText(parameter) ?? "(none)"}";
        if (parameter.IsSecret)
            yield return "secret";
        var required = model.RequiredBy(parameter).Select(t => t.Name).ToList();
        if (required.Count > 0)
            yield return $"required by: {string.Join(", ", required)}";
        var used = model.UsedBy(parameter).Select(t => t.Name).ToList();
        if (used.Count > 0)
            yield return $"used by: {string.Join(", ", used)}";
        yield return $"env: {string.Join(", ", parameter.EnvironmentVariables(model.EnvironmentPrefix))}";
    }
}
