namespace BuildEngine;

/// <summary>Where each parameter's value came from after binding (<c>null</c> source = the member's default).</summary>
public sealed record BoundParameter(ParameterMember Parameter, object? Value, string? Source);

/// <summary>
/// Sets parameter members from, first source wins: the command line; environment variables
/// (<c>PREFIX_NAME</c>, then <c>NAME</c>); <c>.nuke/parameters.&lt;profile&gt;.json</c>; <c>.nuke/parameters.json</c>.
/// Every problem is collected and reported together as one <see cref="UsageException"/>.
/// </summary>
public sealed class ParameterBinder(
    IReadOnlyList<ParameterMember> parameters,
    IReadOnlyDictionary<string, string> environment,
    string? environmentPrefix)
{
    public const string CommandLineSource = "the command line";

    public IReadOnlyList<BoundParameter> Bind(object build, IReadOnlyList<CliOption> cli, IReadOnlyList<ParametersFile> files)
    {
        var errors = new List<string>();
        errors.AddRange(cli.Where(option => Find(option.Name) is null)
            .Select(option => Suggestions.Unknown("parameter", "--" + option.Name, CliNames())));
        foreach (var file in files)
            errors.AddRange(file.Entries.Where(entry => Find(entry.Key) is null)
                .Select(entry => $"{file.DisplayPath}, line {entry.Line}: "
                                 + Suggestions.Unknown("parameter", entry.Key, parameters.Select(p => p.Name).ToList())));

        var sources = new List<Func<ParameterMember, RawValue?>> { p => FromCommandLine(p, cli), FromEnvironment };
        sources.AddRange(files.Select(file => (Func<ParameterMember, RawValue?>)file.Find));

        var bound = new List<BoundParameter>();
        foreach (var parameter in parameters)
        {
            var raw = sources.Select(source => source(parameter)).FirstOrDefault(value => value is not null);
            try
            {
                if (raw is not null)
                {
                    parameter.SetValue(build, ValueParser.Parse(parameter.Type, raw.Values));
                    errors.AddRange(ParameterRules.Problems(parameter, parameter.GetValue(build))
                        .Select(problem => $"{parameter.CliName}: {problem} (from {raw.Source})"));
                }
                bound.Add(new BoundParameter(parameter, parameter.GetValue(build), raw?.Source));
            }
            catch (ParameterValueException exception)
            {
                errors.Add($"{parameter.CliName}: {exception.Message} (from {raw!.Source})");
            }
        }

        return errors.Count == 0 ? bound : throw new UsageException(string.Join(Environment.NewLine, errors));
    }

    private ParameterMember? Find(string name) =>
        parameters.FirstOrDefault(p => NameConvention.Matches(p.Name, name));

    private List<string> CliNames() => [.. parameters.Select(p => p.CliName), .. CommandLine.EngineOptions];

    private static RawValue? FromCommandLine(ParameterMember parameter, IReadOnlyList<CliOption> cli)
    {
        var option = cli.FirstOrDefault(o => NameConvention.Matches(o.Name, parameter.Name));
        return option is null ? null : new RawValue(option.Values, CommandLineSource);
    }

    // An empty variable counts as unset: CI systems pass `${{ inputs.x }}` as "" when the input was not given.
    private RawValue? FromEnvironment(ParameterMember parameter) => parameter.EnvironmentVariables(environmentPrefix)
        .Where(name => environment.TryGetValue(name, out var value) && !string.IsNullOrEmpty(value))
        .Select(name => new RawValue([environment[name]], $"environment variable {name}"))
        .FirstOrDefault();
}
