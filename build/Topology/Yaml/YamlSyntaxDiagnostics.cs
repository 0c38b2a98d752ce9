namespace Ktrdr.Deploy.Topology.Yaml;

/// <summary>Says in plain words what a YAML syntax error usually means and how to fix it.</summary>
internal static class YamlSyntaxDiagnostics
{
    private static readonly (string Clue, string Hint)[] Hints =
    [
        ("quoted scalar", "a quoted value is not closed; add the closing quote"),
        ("tab", "indent with spaces only; YAML does not allow tab characters for indentation"),
        ("invalid mapping", "a value contains ': ' or a key is indented wrongly; quote values that contain ': ' and line up keys of one mapping"),
        ("could not find expected ':'", "a key is missing its ':' or a quote is not closed before this point"),
        ("indentation", "line up the keys of one mapping at the same depth, using spaces"),
        ("did not find expected key", "line up the keys of one mapping at the same depth, using spaces"),
        ("alias", "define the anchor (&name) before using the alias (*name)"),
        ("levels deep", "a topology or compose file is a few levels deep: look for runaway indentation or unclosed '[' / '{' here"),
        ("more than one YAML document", "remove the '---' line and the document after it, or merge them"),
    ];

    public static Diagnostic From(YamlSyntaxException error, string displayFile) =>
        new(displayFile, error.Position.Line, error.Position.Column, "",
            $"this is not valid YAML: {Sentence(error.Message)}", HintFor(error.Message));

    private static string HintFor(string detail) =>
        Hints.FirstOrDefault(h => detail.Contains(h.Clue, StringComparison.OrdinalIgnoreCase)).Hint
        ?? "check this line and the one before it for wrong indentation, a missing ':' or an unclosed quote or bracket";

    private static string Sentence(string detail)
    {
        var text = detail.TrimEnd('.');
        if (text.StartsWith("Operation is not valid", StringComparison.Ordinal))
            return "the parser stopped near here (often an unclosed '[' or '{')";
        return text.Length > 0 ? char.ToLowerInvariant(text[0]) + text[1..] : "unknown problem";
    }
}
