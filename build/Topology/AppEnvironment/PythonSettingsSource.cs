using System.Text.RegularExpressions;

namespace Ktrdr.Deploy.Topology.AppEnvironment;

/// <summary>
/// Reads the environment variables a Python source file makes the application read: pydantic settings classes
/// (<c>env_prefix</c> + field name, or the first name of <c>validation_alias=AliasChoices(new, old)</c> /
/// <c>deprecated_field(default, new, old)</c>, the second being the older name), direct reads
/// (<c>os.getenv("X")</c>, <c>os.environ.get("X")</c>, <c>os.environ["X"]</c>) and the names listed in an
/// <c>INSECURE_DEFAULTS</c> dict (secrets). Pure text analysis: nothing is imported or run.
/// </summary>
public static partial class PythonSettingsSource
{
    public const string Required = "(required)";

    public sealed record Findings(IReadOnlyList<AppVariable> Settings, IReadOnlyList<AppVariable> DirectReads, IReadOnlyList<string> InsecureNames);

    public static Findings Read(string relativePath, string text)
    {
        var lines = text.Replace("\r\n", "\n").Split('\n');
        var settings = new List<AppVariable>();
        for (var i = 0; i < lines.Length; i++)
        {
            var cls = ClassLine().Match(lines[i]);
            if (!cls.Success || !cls.Groups["bases"].Value.Contains("Settings", StringComparison.Ordinal)) continue;
            var end = i + 1;
            while (end < lines.Length && (lines[end].Length == 0 || char.IsWhiteSpace(lines[end][0]) || lines[end].StartsWith('#'))) end++;
            settings.AddRange(ReadClass(relativePath, cls.Groups["name"].Value, lines, i + 1, end));
            i = end - 1;
        }
        var direct = new List<AppVariable>();
        for (var i = 0; i < lines.Length; i++)
        {
            var code = lines[i].TrimStart();
            if (code.StartsWith('#')) continue;
            foreach (Match m in DirectRead().Matches(lines[i]))
                direct.Add(new AppVariable(m.Groups["name"].Value, null, m.Groups["default"].Success ? m.Groups["default"].Value.Trim() : "",
                    AppVariable.DirectRead, $"{relativePath}:{i + 1}", null));
        }
        var insecure = new List<string>();
        var at = text.IndexOf("INSECURE_DEFAULTS", StringComparison.Ordinal);
        if (at >= 0 && text.IndexOf('{', at) is var open and >= 0 && text.IndexOf('}', open) is var close and > 0)
            insecure.AddRange(DictKey().Matches(text[open..close]).Select(m => m.Groups["name"].Value));
        return new Findings(settings, direct, insecure);
    }

    private static IEnumerable<AppVariable> ReadClass(string path, string className, string[] lines, int start, int end)
    {
        var body = string.Join('\n', lines[start..end]);
        var prefix = EnvPrefix().Match(body) is { Success: true } p ? p.Groups["prefix"].Value : "";
        for (var i = start; i < end; i++)
        {
            var field = FieldLine().Match(lines[i]);
            if (!field.Success || field.Groups["name"].Value == "model_config") continue;
            var value = field.Groups["value"].Success ? Balanced(lines, i, end, field.Groups["value"].Index) : null;
            var (name, older, @default) = Interpret(prefix + field.Groups["name"].Value.ToUpperInvariant(), value);
            yield return new AppVariable(name, older, @default, className, $"{path}:{i + 1}", null);
        }
    }

    /// <summary>The value expression starting at <paramref name="column"/>, continued over lines until its brackets close.</summary>
    private static string Balanced(string[] lines, int line, int end, int column)
    {
        var text = lines[line][column..];
        while (Depth(text) > 0 && ++line < end) text += "\n" + lines[line];
        return text.Trim();
    }

    private static int Depth(string s)
    {
        var depth = 0;
        char? quote = null;
        foreach (var c in s)
        {
            if (quote is not null) { if (c == quote) quote = null; continue; }
            if (c is '"' or '\'') quote = c;
            else if (c is '(' or '[' or '{') depth++;
            else if (c is ')' or ']' or '}') depth--;
            else if (c == '#') break;
        }
        return depth;
    }

    private static (string Name, string? Older, string Default) Interpret(string prefixed, string? value)
    {
        if (value is null) return (prefixed, null, Required);
        var call = CallOf().Match(value);
        if (!call.Success) return (prefixed, null, WithoutComment(value));
        var args = Arguments(Inside(value, call.Length - 1));
        if (call.Groups["fn"].Value == "deprecated_field" && args.Count >= 3)
            return (Unquote(args[1]), Unquote(args[2]), args[0]);
        string? name = null, older = null, @default = null;
        foreach (var arg in args)
        {
            var eq = arg.IndexOf('=');
            var key = eq > 0 && Regex.IsMatch(arg[..eq].Trim(), "^[a-z_]+$") ? arg[..eq].Trim() : null;
            var v = key is null ? arg : arg[(eq + 1)..].Trim();
            if (key is null && @default is null) @default = v == "..." ? Required : v;
            else if (key == "default") @default = v;
            else if (key == "default_factory") @default = v + "()";
            else if (key == "validation_alias")
            {
                var names = QuotedNames().Matches(v).Select(m => m.Groups["name"].Value).ToList();
                name = names.ElementAtOrDefault(0);
                older = names.ElementAtOrDefault(1);
            }
        }
        return (name ?? prefixed, older, @default ?? Required);
    }

    /// <summary>The text between the bracket at <paramref name="open"/> and its matching close (a trailing comment is dropped).</summary>
    private static string Inside(string s, int open)
    {
        for (var close = open + 1; close <= s.Length; close++)
            if (Depth(s[open..close]) == 0) return s[(open + 1)..(close - 1)];
        return s[(open + 1)..];
    }

    /// <summary>Top-level, comma-separated arguments of a call's inside.</summary>
    private static List<string> Arguments(string inside)
    {
        var args = new List<string>();
        var depth = 0;
        char? quote = null;
        var start = 0;
        for (var i = 0; i < inside.Length; i++)
        {
            var c = inside[i];
            if (quote is not null) { if (c == quote) quote = null; continue; }
            if (c is '"' or '\'') quote = c;
            else if (c is '(' or '[' or '{') depth++;
            else if (c is ')' or ']' or '}') depth--;
            else if (c == ',' && depth == 0) { args.Add(inside[start..i].Trim()); start = i + 1; }
        }
        if (inside[start..].Trim() is { Length: > 0 } last) args.Add(last);
        return args;
    }

    /// <summary>The text before an unquoted '#'.</summary>
    private static string WithoutComment(string s)
    {
        char? quote = null;
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (quote is not null) { if (c == quote) quote = null; }
            else if (c is '"' or '\'') quote = c;
            else if (c == '#') return s[..i].TrimEnd();
        }
        return s;
    }

    private static string Unquote(string s) => s.Trim().Trim('"', '\'');

    [GeneratedRegex(@"^class (?<name>\w+)\((?<bases>[^)]*)\)\s*:")]
    private static partial Regex ClassLine();

    [GeneratedRegex(@"env_prefix\s*=\s*[""'](?<prefix>[^""']*)[""']")]
    private static partial Regex EnvPrefix();

    [GeneratedRegex(@"^    (?<name>[a-z][a-z0-9_]*)\s*:\s*[^=]+?(?:=\s*(?<value>.+))?$")]
    private static partial Regex FieldLine();

    [GeneratedRegex(@"^(?<fn>Field|deprecated_field)\(")]
    private static partial Regex CallOf();

    [GeneratedRegex(@"[""'](?<name>[A-Z][A-Z0-9_]*)[""']")]
    private static partial Regex QuotedNames();

    [GeneratedRegex(@"[""'](?<name>[A-Z][A-Z0-9_]*)[""']\s*:")]
    private static partial Regex DictKey();

    [GeneratedRegex(@"os\.(?:getenv|environ\.get)\(\s*[""'](?<name>[A-Z][A-Z0-9_]*)[""'](?:\s*,\s*(?<default>[^)]*))?\)|os\.environ\[\s*[""'](?<name>[A-Z][A-Z0-9_]*)[""']\s*\]")]
    private static partial Regex DirectRead();
}
