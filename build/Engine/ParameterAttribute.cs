namespace BuildEngine;

/// <summary>Marks a field or property of the build class as a parameter (<c>TargetNode</c> ⇄ <c>--target-node</c>).</summary>
[AttributeUsage(AttributeTargets.Field | AttributeTargets.Property)]
public sealed class ParameterAttribute(string? description = null) : Attribute
{
    public string Description { get; } = description ?? "";
}

/// <summary>The parameter's value is registered with <see cref="SecretMasker"/> and shown as *** everywhere.</summary>
[AttributeUsage(AttributeTargets.Field | AttributeTargets.Property)]
public sealed class SecretAttribute : Attribute;
