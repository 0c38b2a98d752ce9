using Ktrdr.Deploy.Topology.Reading;

namespace Ktrdr.Deploy.Topology.Yaml;

/// <summary>
/// Visits every field of a document with its path (<c>nodes.core.ssh.port</c>, <c>nodes.core.profiles[0]</c>):
/// records each path's position in the <see cref="SourceMap"/> and reports keys written twice in one mapping.
/// </summary>
internal static class YamlKeyWalker
{
    public static void Index(YamlNode root, SourceMap sourceMap, DiagnosticBag diagnostics) =>
        Walk(root, "", sourceMap, diagnostics, new HashSet<YamlNode>(ReferenceEqualityComparer.Instance));

    private static void Walk(YamlNode node, string path, SourceMap map, DiagnosticBag diagnostics, HashSet<YamlNode> seen)
    {
        if (!seen.Add(node)) return;   // an alias repeats a node already walked at its anchor
        switch (node)
        {
            case YamlMapping mapping:
                var firstAt = new Dictionary<string, SourcePosition>(StringComparer.Ordinal);
                foreach (var entry in mapping.Entries)
                {
                    var field = path.Length == 0 ? entry.Name : $"{path}.{entry.Name}";
                    if (!firstAt.TryAdd(entry.Name, entry.Key.Position))
                    {
                        ReportDuplicate(diagnostics, entry, field, firstAt[entry.Name]);
                        continue;
                    }
                    map.Add(field, entry.Key.Position);
                    Walk(entry.Value, field, map, diagnostics, seen);
                }
                break;
            case YamlSequence sequence:
                for (var i = 0; i < sequence.Items.Count; i++)
                {
                    map.Add($"{path}[{i}]", sequence.Items[i].Position);
                    Walk(sequence.Items[i], $"{path}[{i}]", map, diagnostics, seen);
                }
                break;
        }
    }

    private static void ReportDuplicate(DiagnosticBag diagnostics, YamlEntry entry, string field, SourcePosition first) =>
        diagnostics.Add(entry.Key.Position, field,
            $"duplicate key \"{entry.Name}\": it is already written on line {first.Line}",
            "keep one of the two; YAML would silently use only one of them");
}
