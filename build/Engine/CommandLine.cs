namespace BuildEngine;

/// <summary>A <c>--name value</c> pair as typed; <see cref="Values"/> is empty for a bare flag.</summary>
public sealed record CliOption(string Name, IReadOnlyList<string> Values);

/// <summary>
/// The parsed command line: <c>[Target ...] [--param value] [--skip [T1,T2]] [--plan] [--help] [--list-json]
/// [--profile name] [--verbosity quiet|normal|verbose] [--root dir]</c>.
/// </summary>
public sealed record CommandLine(
    IReadOnlyList<string> Targets,
    IReadOnlyList<CliOption> Parameters,
    bool SkipAllNotInvoked,
    IReadOnlyList<string> SkipTargets,
    bool Plan,
    bool Help,
    bool ListJson,
    string? Profile,
    Verbosity Verbosity,
    string? Root)
{
    /// <summary>
    /// Words that stood right after a bool flag that took no value (<c>--confirm maybe</c>): read as targets, but
    /// when no target has that name the person most likely meant them as the flag's value.
    /// </summary>
    public IReadOnlyList<(string Flag, string Word)> WordsAfterFlags { get; init; } = [];

    /// <summary>Engine options; every other <c>--name</c> is a parameter of the build.</summary>
    public static readonly IReadOnlyList<string> EngineOptions =
        ["--skip", "--plan", "--help", "--list-json", "--profile", "--verbosity", "--root"];

    /// <param name="args">The arguments after the program name.</param>
    /// <param name="isFlag">Whether a parameter name belongs to a bool, which takes a value only if it is true/false.</param>
    public static CommandLine Parse(IReadOnlyList<string> args, Func<string, bool> isFlag)
    {
        var targets = new List<string>();
        var parameters = new List<CliOption>();
        var skip = new List<string>();
        var wordsAfterFlags = new List<(string Flag, string Word)>();
        var line = new CommandLine([], [], false, [], false, false, false, null, Verbosity.Normal, null);
        for (var i = 0; i < args.Count; i++)
        {
            var token = args[i];
            if (!token.StartsWith('-'))
            {
                targets.Add(token);
                continue;
            }

            var (name, inline) = Split(token);
            string? TakeValue(bool onlyBoolean) => inline ?? (i + 1 < args.Count && IsValue(args[i + 1], onlyBoolean) ? args[++i] : null);
            string Required() => TakeValue(false) ?? throw new UsageException($"--{name} needs a value.");

            line = NameConvention.Normalize(name) switch
            {
                "help" or "h" or "?" => line with { Help = true },
                "plan" => line with { Plan = true },
                "listjson" => line with { ListJson = true },
                "profile" => line with { Profile = Required() },
                "root" => line with { Root = Required() },
                "verbosity" => line with { Verbosity = ParseVerbosity(Required()) },
                "skip" => AddSkip(line, TakeValue(false), skip),
                var normalized => AddParameter(line, name, TakeValue(isFlag(normalized)), parameters),
            };
            if (inline is null && isFlag(NameConvention.Normalize(name)) && i + 1 < args.Count && !args[i + 1].StartsWith('-')
                && parameters.Any(p => NameConvention.Matches(p.Name, name) && p.Values.Count == 0))
                wordsAfterFlags.Add(("--" + name, args[i + 1]));
        }

        return line with { Targets = targets, Parameters = parameters, SkipTargets = skip, WordsAfterFlags = wordsAfterFlags };
    }

    private static CommandLine AddSkip(CommandLine line, string? value, List<string> skip)
    {
        if (value is null)
            return line with { SkipAllNotInvoked = true };
        skip.AddRange(value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
        return line;
    }

    private static CommandLine AddParameter(CommandLine line, string name, string? value, List<CliOption> parameters)
    {
        var index = parameters.FindIndex(p => NameConvention.Matches(p.Name, name));
        var values = value is null ? new List<string>() : [value];
        if (index < 0)
            parameters.Add(new CliOption(name, values));
        else
            parameters[index] = parameters[index] with { Values = [.. parameters[index].Values, .. values] };
        return line;
    }

    private static (string Name, string? Inline) Split(string token)
    {
        var bare = token.TrimStart('-');
        var equals = bare.IndexOf('=');
        return equals < 0 ? (bare, null) : (bare[..equals], bare[(equals + 1)..]);
    }

    private static bool IsValue(string next, bool onlyBoolean) =>
        !next.StartsWith("--")
        && (!onlyBoolean || next.Equals("true", StringComparison.OrdinalIgnoreCase)
                         || next.Equals("false", StringComparison.OrdinalIgnoreCase));

    private static Verbosity ParseVerbosity(string text) =>
        Enum.TryParse<Verbosity>(text, ignoreCase: true, out var verbosity) && Enum.IsDefined(verbosity)
            ? verbosity
            : throw new UsageException($"--verbosity: \"{text}\" is not one of: quiet, normal, verbose.");
}
