using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Ktrdr.Deploy.Topology.Yaml;

/// <summary>
/// Checks how deeply a YAML text nests, reading its events in a loop (no recursion), so that a file can be refused
/// before a recursive reader (YamlDotNet's representation model) walks it into a stack overflow.
/// </summary>
public static class YamlNesting
{
    /// <summary>
    /// A diagnostic for <paramref name="file"/> at the first list or mapping nested deeper than
    /// <see cref="YamlDocumentParser.MaxDepth"/>, or null when the text is shallow enough (or not YAML at all:
    /// the reader that follows reports that).
    /// </summary>
    public static Diagnostic? TooDeep(string file, string text)
    {
        var parser = new Parser(new StringReader(text));
        var depth = 0;
        try
        {
            while (parser.MoveNext())
            {
                switch (parser.Current)
                {
                    case SequenceStart or MappingStart when ++depth > YamlDocumentParser.MaxDepth:
                        var at = YamlDocumentParser.ToPosition(parser.Current.Start);
                        var error = new YamlSyntaxException(at, $"the file nests lists or mappings more than {YamlDocumentParser.MaxDepth} levels deep");
                        return YamlSyntaxDiagnostics.From(error, file);
                    case SequenceEnd or MappingEnd:
                        depth--;
                        break;
                }
            }
        }
        catch (YamlException) { }
        return null;
    }
}
