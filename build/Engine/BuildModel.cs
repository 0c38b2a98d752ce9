using System.Linq.Expressions;

namespace BuildEngine;

/// <summary>What a build class declares: its targets, its parameters with their initial values, its env prefix.</summary>
public sealed class BuildModel
{
    private BuildModel(
        IReadOnlyList<ExecutableTarget> targets,
        IReadOnlyList<ParameterMember> parameters,
        IReadOnlyDictionary<ParameterMember, object?> defaults,
        string? environmentPrefix)
    {
        Targets = targets;
        Parameters = parameters;
        Defaults = defaults;
        EnvironmentPrefix = environmentPrefix;
    }

    public IReadOnlyList<ExecutableTarget> Targets { get; }
    public IReadOnlyList<ParameterMember> Parameters { get; }

    /// <summary>Each parameter's value before binding, i.e. its initializer.</summary>
    public IReadOnlyDictionary<ParameterMember, object?> Defaults { get; }

    public string? EnvironmentPrefix { get; }

    public IEnumerable<ExecutableTarget> DefaultTargets => Targets.Where(t => t.IsDefault);

    public IEnumerable<ExecutableTarget> RequiredBy(ParameterMember parameter) =>
        Targets.Where(t => t.Requirements.Any(r => r.ParameterName == parameter.Name));

    public IEnumerable<ExecutableTarget> UsedBy(ParameterMember parameter) =>
        Targets.Where(t => t.UsedParameters.Contains(parameter.Name));

    public string? DefaultText(ParameterMember parameter) => ParameterDisplay.Value(Defaults[parameter], parameter.IsSecret);

    public bool IsFlag(string name) => Parameters.Any(p => p.IsFlag && NameConvention.Matches(p.Name, name));

    public static BuildModel Create<T>(T build, IEnumerable<Expression<Func<T, Target>>> defaultTargets) where T : NukeBuild
    {
        var targets = TargetDiscovery.Discover(build);
        foreach (var expression in defaultTargets)
        {
            var name = (expression.Body as MemberExpression)?.Member.Name;
            var target = targets.FirstOrDefault(t => t.Name == name)
                ?? throw new UsageException($"Default target {expression.Body} is not a Target property of {typeof(T).Name}.");
            target.IsDefault = true;
        }

        var parameters = ParameterMember.Discover(build.GetType());
        Validate(targets, parameters);
        return new BuildModel(targets, parameters, parameters.ToDictionary(p => p, p => p.GetValue(build)), build.Prefix);
    }

    private static void Validate(IReadOnlyList<ExecutableTarget> targets, IReadOnlyList<ParameterMember> parameters)
    {
        var clash = parameters.FirstOrDefault(p => CommandLine.EngineOptions.Contains(p.CliName));
        if (clash is not null)
            throw new UsageException($"Parameter {clash.Name} clashes with the engine option {clash.CliName}; rename it.");
        var names = parameters.Select(p => p.Name).ToHashSet();
        var unknown = targets.SelectMany(t => t.UsedParameters.Where(u => !names.Contains(u)).Select(u => $"{t.Name}: Uses({u})"))
            .FirstOrDefault();
        if (unknown is not null)
            throw new UsageException($"Target {unknown} does not name a [Parameter] member.");
    }
}
