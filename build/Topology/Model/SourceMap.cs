namespace Ktrdr.Deploy.Topology;

/// <summary>A position in a source file, 1-based.</summary>
public readonly record struct SourcePosition(int Line, int Column);

/// <summary>Field path (e.g. "nodes.workers-b.host") → where it was written. Lets later checks point at the line.</summary>
public sealed class SourceMap
{
    private readonly Dictionary<string, SourcePosition> _positions = new(StringComparer.Ordinal);

    public void Add(string path, SourcePosition position) => _positions[path] = position;

    /// <summary>The position of the path, or of its nearest recorded ancestor, or line 1.</summary>
    public SourcePosition Find(string path)
    {
        for (var p = path; p.Length > 0; p = p.Contains('.') ? p[..p.LastIndexOf('.')] : "")
            if (_positions.TryGetValue(p, out var pos)) return pos;
        return new SourcePosition(1, 1);
    }
}
