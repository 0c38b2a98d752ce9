using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Ktrdr.Deploy.Rendering.Swarm;

/// <summary>A mapping in the order it is written (the order a reader expects: image, command, environment, ..., deploy).</summary>
internal sealed class YMap : List<KeyValuePair<string, object>>
{
    public YMap Set(string key, object? value)
    {
        if (value is not null) Add(new(key, value));
        return this;
    }

    public bool Has(string key) => this.Any(e => e.Key == key);
}

/// <summary>A scalar written as it stands (a number, true/false), never quoted.</summary>
internal sealed record Plain(string Text)
{
    public static Plain Of(int n) => new(n.ToString(System.Globalization.CultureInfo.InvariantCulture));
}

/// <summary>
/// Writes a tree of <see cref="YMap"/>, lists, <see cref="Plain"/> and strings as block YAML. Deterministic: the same tree
/// gives the same bytes. A string is written plain only when no YAML reader could take it for anything else (a number,
/// a boolean, null, a key); otherwise it is double-quoted with JSON escapes, which YAML reads the same way.
/// </summary>
internal static partial class StackYaml
{
    private static readonly JsonSerializerOptions Quoting = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly HashSet<string> Reserved = new(StringComparer.OrdinalIgnoreCase)
        { "true", "false", "yes", "no", "on", "off", "y", "n", "null", "~" };

    public static string Write(YMap root, string header)
    {
        var text = new StringBuilder(header);
        WriteMap(text, root, 0);
        return text.ToString();
    }

    public static string Scalar(object value) => value switch
    {
        Plain p => p.Text,
        string s when IsPlainSafe(s) => s,
        string s => JsonSerializer.Serialize(s, Quoting),
        _ => throw new ArgumentException($"not a scalar: {value.GetType().Name}"),
    };

    private static bool IsPlainSafe(string s) => PlainSafe().IsMatch(s) && !Reserved.Contains(s);

    private static void WriteMap(StringBuilder text, YMap map, int indent)
    {
        foreach (var (key, value) in map)
        {
            text.Append(' ', indent).Append(Scalar(key)).Append(':');
            WriteValue(text, value, indent);
        }
    }

    private static void WriteValue(StringBuilder text, object value, int indent)
    {
        switch (value)
        {
            case YMap { Count: 0 }: text.Append(" {}\n"); break;
            case YMap map: text.Append('\n'); WriteMap(text, map, indent + 2); break;
            case IReadOnlyList<object> { Count: 0 }: text.Append(" []\n"); break;
            case IReadOnlyList<object> list: text.Append('\n'); WriteList(text, list, indent + 2); break;
            default: text.Append(' ').Append(Scalar(value)).Append('\n'); break;
        }
    }

    private static void WriteList(StringBuilder text, IReadOnlyList<object> list, int indent)
    {
        foreach (var item in list)
        {
            text.Append(' ', indent).Append('-');
            if (item is YMap { Count: > 0 } map)
            {
                // The first entry on the dash's line, the others under it.
                var (key, value) = map[0];
                text.Append(' ').Append(Scalar(key)).Append(':');
                WriteValue(text, value, indent + 2);
                var rest = new YMap();
                rest.AddRange(map.Skip(1));
                WriteMap(text, rest, indent + 2);
            }
            else WriteValue(text, item, indent);
        }
    }

    // Letters, digits and a few safe marks, starting with a letter, '_' or '/': never a number, and no ':', '#', quotes or spaces.
    [GeneratedRegex(@"^[A-Za-z_/][A-Za-z0-9_./@=+-]*$")] private static partial Regex PlainSafe();
}
