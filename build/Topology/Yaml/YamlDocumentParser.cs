using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Ktrdr.Deploy.Topology.Yaml;

/// <summary>
/// Reads one YAML document into <see cref="YamlNode"/>s using YamlDotNet's event parser.
/// Aliases are resolved to their anchored node. Syntax problems surface as
/// <see cref="YamlSyntaxException"/> carrying the position YamlDotNet reported.
/// </summary>
internal static class YamlDocumentParser
{
    /// <summary>
    /// How deeply lists and mappings may nest. Real files stay under ten levels; the bound is checked while reading,
    /// before any recursive walk, so that a runaway file is an error with a line instead of a stack overflow.
    /// </summary>
    public const int MaxDepth = 64;

    /// <summary>Parses text; returns null for an empty document (nothing but comments).</summary>
    /// <param name="expandMergeKeys">Expand <c>&lt;&lt;: *anchor</c> (compose files use them).</param>
    public static YamlNode? Parse(string text, bool expandMergeKeys = false)
    {
        var tracker = new PositionTracker(new Parser(new StringReader(text)));
        IParser parser = expandMergeKeys ? new MergingParser(tracker) : tracker;
        try
        {
            return ParseStream(parser, new Dictionary<string, YamlNode>(StringComparer.Ordinal));
        }
        catch (YamlException e)
        {
            // For tabs YamlDotNet points at the start of the mapping; the person needs the line with the tab.
            var at = e.Message.Contains("tab", StringComparison.OrdinalIgnoreCase) ? FirstTabIndent(text) : null;
            throw new YamlSyntaxException(at ?? ToPosition(e.Start), e.Message);
        }
        catch (InvalidOperationException e)
        {
            // YamlDotNet sometimes fails inside its scanner without a position (e.g. an unclosed '[').
            throw new YamlSyntaxException(tracker.LastPosition, e.Message);
        }
    }

    private static YamlNode? ParseStream(IParser parser, Dictionary<string, YamlNode> anchors)
    {
        parser.Consume<StreamStart>();
        if (parser.TryConsume<StreamEnd>(out _)) return null;
        parser.Consume<DocumentStart>();
        var root = ParseNode(parser, anchors, 0);
        parser.Consume<DocumentEnd>();
        if (parser.Accept<DocumentStart>(out var second))
            throw new YamlException(second.Start, second.End, "the file holds more than one YAML document ('---'); keep one");
        return root is YamlScalar { IsNull: true } ? null : root;
    }

    private static YamlNode ParseNode(IParser parser, Dictionary<string, YamlNode> anchors, int depth)
    {
        if (parser.TryConsume<AnchorAlias>(out var alias))
            return anchors.TryGetValue(alias.Value.Value, out var target)
                ? target
                : throw new YamlException(alias.Start, alias.End, $"the alias *{alias.Value.Value} names no anchor written before it");

        var start = parser.Current ?? throw new YamlException("unexpected end of the file");
        if (depth > MaxDepth && start is not Scalar)
            throw new YamlException(start.Start, start.End, $"the file nests lists or mappings more than {MaxDepth} levels deep");
        YamlNode node = start switch
        {
            Scalar s => ParseScalar(parser, s),
            SequenceStart => ParseSequence(parser, anchors, depth + 1),
            MappingStart => ParseMapping(parser, anchors, depth + 1),
            _ => throw new YamlException(start.Start, start.End, $"unexpected {start.GetType().Name}"),
        };
        if (start is NodeEvent { Anchor.IsEmpty: false } withAnchor)
            anchors[withAnchor.Anchor.Value] = node;
        return node;
    }

    private static YamlScalar ParseScalar(IParser parser, Scalar scalar)
    {
        parser.MoveNext();
        return new YamlScalar(ToPosition(scalar.Start), scalar.Value, scalar.Style == ScalarStyle.Plain);
    }

    private static YamlSequence ParseSequence(IParser parser, Dictionary<string, YamlNode> anchors, int depth)
    {
        var start = parser.Consume<SequenceStart>();
        var items = new List<YamlNode>();
        while (!parser.TryConsume<SequenceEnd>(out _))
            items.Add(ParseNode(parser, anchors, depth));
        return new YamlSequence(ToPosition(start.Start), items);
    }

    private static YamlMapping ParseMapping(IParser parser, Dictionary<string, YamlNode> anchors, int depth)
    {
        var start = parser.Consume<MappingStart>();
        var entries = new List<YamlEntry>();
        while (!parser.TryConsume<MappingEnd>(out _))
        {
            var keyEvent = parser.Current;
            if (ParseNode(parser, anchors, depth) is not YamlScalar key)
                throw new YamlException(keyEvent!.Start, keyEvent.End, "a key must be plain text, not a list or a mapping");
            entries.Add(new YamlEntry(key, ParseNode(parser, anchors, depth)));
        }
        return new YamlMapping(ToPosition(start.Start), entries);
    }

    private static SourcePosition? FirstTabIndent(string text)
    {
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var indent = lines[i].Length - lines[i].TrimStart(' ', '\t').Length;
            var tab = lines[i].IndexOf('\t', 0, indent);
            if (tab >= 0) return new SourcePosition(i + 1, tab + 1);
        }
        return null;
    }

    internal static SourcePosition ToPosition(Mark mark) => new((int)mark.Line, (int)mark.Column);

    /// <summary>Remembers the start of the last event read, for errors YamlDotNet reports without one.</summary>
    private sealed class PositionTracker(IParser inner) : IParser
    {
        public SourcePosition LastPosition { get; private set; } = new(1, 1);
        public ParsingEvent? Current => inner.Current;

        public bool MoveNext()
        {
            if (inner.Current is { } current) LastPosition = ToPosition(current.Start);
            return inner.MoveNext();
        }
    }
}

/// <summary>The text is not valid YAML; <see cref="Position"/> is where the parser gave up.</summary>
internal sealed class YamlSyntaxException(SourcePosition position, string detail) : Exception(detail)
{
    public SourcePosition Position { get; } = position;
}
