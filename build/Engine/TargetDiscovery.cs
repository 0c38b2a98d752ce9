using System.Reflection;

namespace BuildEngine;

/// <summary>
/// Finds the <see cref="Target"/> properties of a build object and resolves their declarations.
/// A target is identified by its delegate's <c>Method</c>: a property getter returns a new delegate on every call.
/// </summary>
public static class TargetDiscovery
{
    private const BindingFlags Members =
        BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;

    public static IReadOnlyList<ExecutableTarget> Discover(object build)
    {
        var declared = TargetProperties(build.GetType())
            .Select((property, index) => Declare(build, property, index))
            .ToList();
        var shared = declared.GroupBy(d => d.Method).FirstOrDefault(g => g.Count() > 1);
        if (shared is not null)
            throw new UsageException($"Targets {string.Join(" and ", shared.Select(d => d.Target.Name))} return the same "
                                     + "delegate; declare each target with its own lambda: Target X => _ => _...;");
        var byMethod = declared.ToDictionary(d => d.Method, d => d.Target);
        foreach (var (_, target, definition) in declared)
            Resolve(target, definition, byMethod, build.GetType());
        return declared.Select(d => d.Target).ToList();
    }

    private static IEnumerable<PropertyInfo> TargetProperties(Type type) =>
        BuildMembers.Hierarchy(type).SelectMany(t => t.GetProperties(Members)
            .Where(p => p.PropertyType == typeof(Target) && p.GetIndexParameters().Length == 0)
            .OrderBy(p => p.MetadataToken));

    private static (MethodInfo Method, ExecutableTarget Target, TargetDefinition Definition) Declare(
        object build, PropertyInfo property, int index)
    {
        var factory = property.GetValue(build) as Target
            ?? throw new UsageException($"Target {property.Name} on {build.GetType().Name} is null.");
        var definition = new TargetDefinition();
        factory(definition);
        return (factory.Method, new ExecutableTarget(property.Name, index), definition);
    }

    private static void Resolve(
        ExecutableTarget target, TargetDefinition definition, Dictionary<MethodInfo, ExecutableTarget> byMethod, Type type)
    {
        List<ExecutableTarget> Lookup(IEnumerable<Target> references, string relation) => references
            .Select(reference => byMethod.TryGetValue(reference.Method, out var found)
                ? found
                : throw new UsageException(
                    $"Target {target.Name}: {relation}(...) names a Target that is not a property of {type.Name}."))
            .ToList();

        target.Description = definition.DescriptionText ?? "";
        target.DependsOn.AddRange(Lookup(definition.DependsOnTargets, "DependsOn"));
        target.After.AddRange(Lookup(definition.AfterTargets, "After"));
        target.Before.AddRange(Lookup(definition.BeforeTargets, "Before"));
        target.Triggers.AddRange(Lookup(definition.TriggersTargets, "Triggers"));
        target.TriggeredBy.AddRange(Lookup(definition.TriggeredByTargets, "TriggeredBy"));
        target.StaticConditions.AddRange(definition.StaticConditions);
        target.DynamicConditions.AddRange(definition.DynamicConditions);
        target.Requirements.AddRange(definition.Requirements);
        target.UsedParameters.AddRange(definition.UsedParameters);
        target.Actions.AddRange(definition.Actions);
        target.ProceedAfterFailure = definition.IsProceedAfterFailure;
        target.AssuredAfterFailure = definition.IsAssuredAfterFailure;
        target.Unlisted = definition.IsUnlisted;
    }
}
