using System.Text.RegularExpressions;
using Ktrdr.Deploy.Topology.Text;

namespace Ktrdr.Deploy.Topology.Reading;

/// <summary>
/// Reads an enum written in kebab-case (<c>docker-compose-v1</c> → <c>DockerComposeV1</c>),
/// listing the valid spellings and the closest one when the value is wrong.
/// </summary>
internal sealed partial class EnumRule<TEnum> : ValueRule<TEnum> where TEnum : struct, Enum
{
    /// <summary>Written form → value, e.g. "docker-compose-v1" → DockerComposeV1.</summary>
    public static IReadOnlyDictionary<string, TEnum> Spellings { get; } =
        Enum.GetValues<TEnum>().ToDictionary(v => ToKebab(v.ToString()), v => v, StringComparer.Ordinal);

    // Declared after Spellings: static fields are initialised in the order they are written.
    public static readonly EnumRule<TEnum> Instance = new();

    private EnumRule()
        : base($"one of {string.Join(", ", Spellings.Keys)}", "", Parse, Enum.GetValues<TEnum>()[0])
    {
    }

    public override string HintFor(string text) => DidYouMean.Hint(text, Spellings.Keys.ToList(), "valid values");

    /// <summary>The spelling a value is written with in YAML.</summary>
    public static string Spell(TEnum value) => ToKebab(value.ToString());

    private static bool Parse(string text, out TEnum value) => Spellings.TryGetValue(text, out value);

    private static string ToKebab(string pascal) => WordStart().Replace(pascal, "-$1").ToLowerInvariant();

    [GeneratedRegex("(?<=[a-z0-9])([A-Z])")] private static partial Regex WordStart();
}
