namespace Ktrdr.Deploy.Topology.Yaml;

/// <summary>
/// A YAML node that remembers where it was written. Built by <see cref="YamlDocumentParser"/>
/// from parser events, so that every value (and every key) can be pointed at in an error.
/// Unlike YamlDotNet's representation model, a mapping keeps duplicate keys, so that they can
/// be reported together with every other problem instead of aborting the load.
/// </summary>
internal abstract record YamlNode(SourcePosition Position)
{
    /// <summary>How the node reads in an error message after "found ...".</summary>
    public abstract string Describe();
}

/// <summary>A scalar, kept as the exact text written (no type guessing: "1.60" stays "1.60").</summary>
internal sealed record YamlScalar(SourcePosition Position, string Value, bool IsPlain) : YamlNode(Position)
{
    /// <summary>True for an empty plain value, <c>~</c> or <c>null</c>: treated as "not written".</summary>
    public bool IsNull => IsPlain && Value is "" or "~" or "null" or "Null" or "NULL";

    public override string Describe() => IsNull ? "nothing" : $"\"{Value}\"";
}

internal sealed record YamlSequence(SourcePosition Position, IReadOnlyList<YamlNode> Items) : YamlNode(Position)
{
    public override string Describe() => "a list";
}

/// <summary>One <c>key: value</c> pair; the key's position is where the field "is".</summary>
internal sealed record YamlEntry(YamlScalar Key, YamlNode Value)
{
    public string Name => Key.Value;
}

internal sealed record YamlMapping(SourcePosition Position, IReadOnlyList<YamlEntry> Entries) : YamlNode(Position)
{
    public override string Describe() => "a mapping (key: value lines)";

    /// <summary>The first entry with this key (later duplicates are reported separately).</summary>
    public YamlEntry? Find(string key) => Entries.FirstOrDefault(e => e.Name == key);
}
