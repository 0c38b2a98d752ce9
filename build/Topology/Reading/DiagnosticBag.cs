namespace Ktrdr.Deploy.Topology.Reading;

/// <summary>
/// Collects every problem found while loading, so that a person sees all of them at once.
/// Knows the file being read (shown relative to the current directory when that is shorter).
/// </summary>
internal sealed class DiagnosticBag(string file)
{
    private readonly List<Diagnostic> _items = [];

    /// <summary>The file as shown in messages.</summary>
    public string File { get; } = DisplayPath(file);

    public IReadOnlyList<Diagnostic> Items => _items;

    public void Add(SourcePosition at, string field, string message, string? hint = null) =>
        _items.Add(new Diagnostic(File, at.Line, at.Column, field, message, hint));

    /// <summary>A problem in another file (e.g. a compose file the topology refers to).</summary>
    public void AddIn(string otherFile, SourcePosition at, string field, string message, string? hint = null) =>
        _items.Add(new Diagnostic(DisplayPath(otherFile), at.Line, at.Column, field, message, hint));

    /// <summary>True when the field (or something inside it) already has a problem; later checks skip it.</summary>
    public bool HasProblemAt(string field) =>
        _items.Any(d => d.Field == field || d.Field.StartsWith(field + ".", StringComparison.Ordinal)
                                         || d.Field.StartsWith(field + "[", StringComparison.Ordinal));

    /// <summary>Throws <see cref="InvalidInputException"/> with everything collected, if anything was.</summary>
    public void ThrowIfAny()
    {
        if (_items.Count == 0) return;
        // Grouped by file (in the order files were met), then in reading order, as an editor would list them.
        var fileOrder = _items.Select(d => d.File).Distinct().ToList();
        throw new InvalidInputException(_items.OrderBy(d => fileOrder.IndexOf(d.File)).ThenBy(d => d.Line).ThenBy(d => d.Column).ToList());
    }

    /// <summary>Path relative to the current directory when that is shorter, else absolute.</summary>
    public static string DisplayPath(string path)
    {
        var full = Path.GetFullPath(path);
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, full);
        return relative.Length < full.Length ? relative : full;
    }
}
