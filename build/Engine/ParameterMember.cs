using System.Reflection;

namespace BuildEngine;

/// <summary>A [Parameter] field or property of a build class, readable and writable even when readonly or get-only.</summary>
public sealed class ParameterMember
{
    private const BindingFlags Members =
        BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;

    private readonly FieldInfo? field;
    private readonly PropertyInfo? property;

    private ParameterMember(MemberInfo member, Type type, FieldInfo? field, PropertyInfo? property)
    {
        this.field = field;
        this.property = property;
        Name = member.Name;
        Type = type;
        Description = member.GetCustomAttribute<ParameterAttribute>()!.Description;
        IsSecret = member.IsDefined(typeof(SecretAttribute));
        Rules = [.. member.GetCustomAttributes<ParameterRuleAttribute>()];
    }

    public string Name { get; }
    public string CliName => "--" + NameConvention.ToKebab(Name);
    public Type Type { get; }
    public string Description { get; }
    public bool IsSecret { get; }

    /// <summary>What a given value must satisfy (<see cref="ParameterRuleAttribute"/>), checked before planning.</summary>
    public IReadOnlyList<ParameterRuleAttribute> Rules { get; }

    /// <summary>A bool parameter: <c>--force</c> alone means true.</summary>
    public bool IsFlag => (Nullable.GetUnderlyingType(Type) ?? Type) == typeof(bool);

    /// <summary>Prefixed name first (<c>KTRDR_TARGET_NODE</c>), then the plain one (<c>TARGET_NODE</c>).</summary>
    public IReadOnlyList<string> EnvironmentVariables(string? prefix)
    {
        var plain = NameConvention.ToEnvironment(Name);
        return string.IsNullOrEmpty(prefix) ? [plain] : [$"{prefix}_{plain}", plain];
    }

    public object? GetValue(object build) => field is not null ? field.GetValue(build) : property!.GetValue(build);

    public void SetValue(object build, object? value)
    {
        if (field is not null)
            field.SetValue(build, value);
        else
            property!.SetValue(build, value);
    }

    public static IReadOnlyList<ParameterMember> Discover(Type buildType) =>
        BuildMembers.Hierarchy(buildType)
            .SelectMany(type => type.GetMembers(Members)
                .Where(member => member.IsDefined(typeof(ParameterAttribute)))
                .OrderBy(member => member.MetadataToken)
                .Select(member => Create(type, member)))
            .ToList();

    private static ParameterMember Create(Type owner, MemberInfo member)
    {
        var parameter = member switch
        {
            FieldInfo f => new ParameterMember(f, f.FieldType, f, null),
            PropertyInfo { CanWrite: true } p => new ParameterMember(p, p.PropertyType, null, p),
            PropertyInfo p => new ParameterMember(p, p.PropertyType, BackingField(owner, p), null),
            _ => throw new UsageException($"[Parameter] on {owner.Name}.{member.Name}: only fields and properties can be parameters."),
        };
        if (!ValueParser.Supports(parameter.Type))
            throw new UsageException(
                $"Parameter {owner.Name}.{member.Name} has type {parameter.Type.Name}; supported: {ValueParser.SupportedTypes}.");
        return parameter;
    }

    private static FieldInfo BackingField(Type owner, PropertyInfo property) =>
        owner.GetField($"<{property.Name}>k__BackingField", Members)
        ?? throw new UsageException(
            $"Parameter {owner.Name}.{property.Name} cannot be set: give it a setter or make it an auto-property.");
}
