using Ktrdr.Deploy.Topology.Text;
using Ktrdr.Deploy.Topology.Yaml;

namespace Ktrdr.Deploy.Topology.Reading;

/// <summary>
/// Declarative reader for one YAML mapping: ask for each field by key and rule
/// (<c>Required("host", ValueRules.HostName)</c>, <c>Optional("port", ValueRules.WholeNumber(1, 65535), 22)</c>),
/// and every problem — missing, wrong kind, wrong value, unknown key with did-you-mean — is recorded
/// with its field path and position. A bad value yields the rule's placeholder so reading goes on.
/// </summary>
internal sealed class YamlMappingReader
{
    private readonly YamlMapping _mapping;
    private readonly ReadContext _context;
    private readonly SourcePosition _namedAt;
    private readonly List<string> _asked = [];

    private YamlMappingReader(YamlMapping mapping, string path, SourcePosition namedAt, ReadContext context)
    {
        (_mapping, Path, _namedAt, _context) = (mapping, path, namedAt, context);
    }

    /// <summary>Field path of this mapping, e.g. "nodes.core" ("" at the top level).</summary>
    public string Path { get; }

    /// <summary>Reads the document's top-level mapping, or reports that the document is not one.</summary>
    public static T? ReadRoot<T>(YamlNode root, ReadContext context, Func<YamlMappingReader, T> read) where T : class =>
        root is YamlMapping mapping
            ? new YamlMappingReader(mapping, "", mapping.Position, context).ReadAll(read)
            : Fail<T>(context, root.Position, "", $"expected {Describe.Mapping}, found {root.Describe()}",
                "a topology file is a mapping of settings such as `name: homelab`");

    public T Required<T>(string key, ValueRule<T> rule) => ReadScalar(key, rule, required: true, rule.Placeholder);

    public T Optional<T>(string key, ValueRule<T> rule, T fallback) => ReadScalar(key, rule, required: false, fallback);

    /// <summary>An optional text field; null when not written.</summary>
    public string? OptionalText(string key, ValueRule<string> rule) => Has(key) ? ReadScalar(key, rule, false, "") : null;

    public TEnum Enum<TEnum>(string key, TEnum fallback) where TEnum : struct, System.Enum =>
        Optional(key, EnumRule<TEnum>.Instance, fallback);

    /// <summary>A list of scalars; empty when not written.</summary>
    public IReadOnlyList<T> List<T>(string key, ValueRule<T> rule)
    {
        if (Value(key) is not { } node) return [];
        if (node is not YamlSequence sequence) return Mismatch<List<T>>(key, node, Describe.List(rule.Expected), []);
        return sequence.Items.Select((item, i) => Scalar($"{Field(key)}[{i}]", item, rule)).ToList();
    }

    /// <summary>A mapping of name → scalar (env, secrets); empty when not written.</summary>
    public IReadOnlyDictionary<string, T> Map<T>(string key, ValueRule<string> keyRule, ValueRule<T> valueRule)
    {
        var result = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var entry in MappingEntries(key, required: false))
        {
            var field = $"{Field(key)}.{entry.Name}";
            if (CheckKey(field, entry.Key, keyRule))
                result.TryAdd(entry.Name, Scalar(field, entry.Value, valueRule));
        }
        return result;
    }

    /// <summary>A nested mapping read by <paramref name="read"/>; null when not written (reported if required) or not a mapping.</summary>
    public T? Mapping<T>(string key, Func<YamlMappingReader, T> read, bool required = false) where T : class =>
        Value(key) switch
        {
            null when required => MissingSection<T?>(key, null),
            null => null,
            YamlMapping mapping => new YamlMappingReader(mapping, Field(key), _mapping.Find(key)!.Key.Position, _context).ReadAll(read),
            var other => Mismatch<T?>(key, other, Describe.Mapping, null),
        };

    /// <summary>A mapping of name → mapping (nodes, images), each read by <paramref name="read"/>, in file order.</summary>
    public IReadOnlyList<T> Entries<T>(string key, ValueRule<string> keyRule, Func<string, YamlMappingReader, T> read,
        bool required = false) where T : class
    {
        var result = new List<T>();
        foreach (var entry in MappingEntries(key, required))
        {
            var field = $"{Field(key)}.{entry.Name}";
            if (!CheckKey(field, entry.Key, keyRule)) continue;
            if (entry.Value is YamlMapping mapping)
                result.Add(new YamlMappingReader(mapping, field, entry.Key.Position, _context).ReadAll(r => read(entry.Name, r)));
            else
                Fail<T>(_context, entry.Value.Position, field, $"expected {Describe.Mapping}, found {entry.Value.Describe()}",
                    $"write the settings of \"{entry.Name}\" as indented `key: value` lines");
        }
        return result;
    }

    /// <summary>A key that is known but does not belong here: reported with its own message and hint when written.</summary>
    public void Misplaced(string key, string message, string hint)
    {
        Value(key);   // asked for: not reported again as an unknown key
        if (_mapping.Find(key) is { } entry) _context.Diagnostics.Add(entry.Key.Position, Field(key), message, hint);
    }

    /// <summary>True when the key is written with a value (not empty, not null).</summary>
    public bool Has(string key) => Value(key) is not null;

    private T ReadAll<T>(Func<YamlMappingReader, T> read)
    {
        var result = read(this);
        ReportUnknownKeys();
        return result;
    }

    private void ReportUnknownKeys()
    {
        foreach (var entry in _mapping.Entries.Where(e => !_asked.Contains(e.Name)))
            _context.Diagnostics.Add(entry.Key.Position, Field(entry.Name), $"unknown key \"{entry.Name}\"",
                DidYouMean.Hint(entry.Name, _asked, $"valid keys {Describe.Where(Path)}") + "; remove or rename it");
    }

    private T ReadScalar<T>(string key, ValueRule<T> rule, bool required, T fallback)
    {
        var node = Value(key);
        if (node is not null) return Scalar(Field(key), node, rule);
        if (required)
            _context.Diagnostics.Add(_mapping.Find(key)?.Key.Position ?? _namedAt, Field(key),
                $"expected {rule.Expected}, found nothing", $"add `{key}: ...` {Describe.Where(Path)}");
        return required ? rule.Placeholder : fallback;
    }

    private T Scalar<T>(string field, YamlNode node, ValueRule<T> rule)
    {
        if (node is not YamlScalar scalar || scalar.IsNull)
            return Fail(_context, node.Position, field, $"expected {rule.Expected}, found {node.Describe()}",
                "write a single value here", rule.Placeholder);
        if (rule.TryParse(scalar.Value, out var value)) return value;
        return Fail(_context, scalar.Position, field, $"expected {rule.Expected}, found {rule.Describe(scalar.Value)}",
            rule.HintFor(scalar.Value), rule.Placeholder);
    }

    private bool CheckKey(string field, YamlScalar key, ValueRule<string> rule)
    {
        if (rule.TryParse(key.Value, out _)) return true;
        _context.Diagnostics.Add(key.Position, field, $"expected {rule.Expected} as the name, found \"{key.Value}\"", rule.HintFor(key.Value));
        return false;
    }

    private IEnumerable<YamlEntry> MappingEntries(string key, bool required) => Value(key) switch
    {
        null when required => MissingSection<IEnumerable<YamlEntry>>(key, []),
        null => [],
        YamlMapping mapping => mapping.Entries.DistinctBy(e => e.Name),   // duplicates are reported by the key walker
        var other => Mismatch<IEnumerable<YamlEntry>>(key, other, Describe.Mapping, []),
    };

    /// <summary>The value written for a key (remembering that it was asked for); null when absent or empty.</summary>
    private YamlNode? Value(string key)
    {
        if (!_asked.Contains(key)) _asked.Add(key);
        var node = _mapping.Find(key)?.Value;
        return node is YamlScalar { IsNull: true } ? null : node;
    }

    private T Mismatch<T>(string key, YamlNode found, string expected, T placeholder) =>
        Fail(_context, found.Position, Field(key), $"expected {expected}, found {found.Describe()}",
            $"write `{key}` as {expected}", placeholder);

    private T MissingSection<T>(string key, T placeholder) =>
        Fail(_context, _mapping.Find(key)?.Key.Position ?? _namedAt, Field(key),
            $"expected {Describe.Mapping}, found nothing", $"add a `{key}:` section {Describe.Where(Path)}", placeholder);

    private string Field(string key) => Path.Length == 0 ? key : $"{Path}.{key}";

    private static T Fail<T>(ReadContext context, SourcePosition at, string field, string message, string hint, T placeholder)
    {
        context.Diagnostics.Add(at, field, message, hint);
        return placeholder;
    }

    private static T? Fail<T>(ReadContext context, SourcePosition at, string field, string message, string hint) where T : class =>
        Fail<T?>(context, at, field, message, hint, null);

    private static class Describe
    {
        public const string Mapping = "a mapping (indented key: value lines)";
        public static string List(string item) => $"a list of {item}";
        public static string Where(string path) => path.Length == 0 ? "at the top level" : $"under {path}";
    }
}
