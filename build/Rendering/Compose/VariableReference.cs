using System.Text.RegularExpressions;
using Ktrdr.Deploy.Topology;

namespace Ktrdr.Deploy.Rendering.Compose;

/// <summary>How a <c>${VAR}</c> reference treats a missing value.</summary>
public enum VariableFallback
{
    /// <summary><c>${VAR}</c> or <c>$VAR</c>: silently empty when unset.</summary>
    None,
    /// <summary><c>${VAR:-x}</c> or <c>${VAR-x}</c>: an explicit default.</summary>
    Default,
    /// <summary><c>${VAR:?msg}</c> or <c>${VAR?msg}</c>: compose stops when unset.</summary>
    Required,
    /// <summary><c>${VAR:+x}</c>: a value only when set.</summary>
    Alternative,
}

/// <summary>A variable reference found in a compose file's text.</summary>
public sealed record VariableReference(string Name, VariableFallback Fallback, string? Argument, SourcePosition Position)
{
    // $$ is an escaped dollar; ${NAME...} braced; $NAME bare.
    private static readonly Regex Pattern = new(
        @"\$\$|\$\{(?<name>[A-Za-z_][A-Za-z0-9_]*)(?:(?<op>:?[-?+])(?<arg>[^}]*))?\}|\$(?<bare>[A-Za-z_][A-Za-z0-9_]*)",
        RegexOptions.Compiled);

    /// <summary>Every reference in the text, with 1-based line and column; comments are ignored.</summary>
    public static IReadOnlyList<VariableReference> FindAll(string text)
    {
        var found = new List<VariableReference>();
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = StripComment(lines[i]);
            foreach (Match m in Pattern.Matches(line))
            {
                if (m.Value == "$$") continue;
                var name = m.Groups["name"].Success ? m.Groups["name"].Value : m.Groups["bare"].Value;
                var op = m.Groups["op"].Value.TrimStart(':');
                var fallback = op switch
                {
                    "-" => VariableFallback.Default,
                    "?" => VariableFallback.Required,
                    "+" => VariableFallback.Alternative,
                    _ => VariableFallback.None,
                };
                var arg = m.Groups["arg"].Success ? m.Groups["arg"].Value : null;
                found.Add(new VariableReference(name, fallback, arg, new SourcePosition(i + 1, m.Index + 1)));
            }
        }
        return found;
    }

    /// <summary>
    /// Replaces references with values from <paramref name="values"/>; defaults apply when missing. <c>$$</c> becomes <c>$</c>,
    /// or stays <c>$$</c> with <paramref name="keepEscapedDollars"/> (text that another interpolating tool reads next: a stack file).
    /// </summary>
    public static string Substitute(string text, IReadOnlyDictionary<string, string> values, bool keepEscapedDollars = false) =>
        Pattern.Replace(text, m =>
        {
            if (m.Value == "$$") return keepEscapedDollars ? "$$" : "$";
            var name = m.Groups["name"].Success ? m.Groups["name"].Value : m.Groups["bare"].Value;
            var op = m.Groups["op"].Value.TrimStart(':');
            var has = values.TryGetValue(name, out var value) && value.Length > 0;
            return op switch
            {
                "-" => has ? value! : m.Groups["arg"].Value,
                "+" => has ? m.Groups["arg"].Value : "",
                _ => has ? value! : "",
            };
        });

    private static string StripComment(string line)
    {
        // A '#' starts a comment at line start or after whitespace, outside quotes.
        var inSingle = false;
        var inDouble = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (c == '\'' && !inDouble) inSingle = !inSingle;
            else if (c == '"' && !inSingle) inDouble = !inDouble;
            else if (c == '#' && !inSingle && !inDouble && (i == 0 || char.IsWhiteSpace(line[i - 1])))
                return line[..i];
        }
        return line;
    }
}
