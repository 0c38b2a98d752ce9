namespace Ktrdr.Deploy.Topology.Reading;

/// <summary>What every reader of one file shares: where problems go and where fields were written.</summary>
internal sealed class ReadContext(DiagnosticBag diagnostics, SourceMap sourceMap)
{
    public DiagnosticBag Diagnostics { get; } = diagnostics;
    public SourceMap SourceMap { get; } = sourceMap;

    /// <summary>Reports a problem at the recorded position of a field path.</summary>
    public void Report(string field, string message, string? hint = null) =>
        Diagnostics.Add(SourceMap.Find(field), field, message, hint);

    /// <summary>True when reading the field (or anything inside it) already failed: checks skip such values.</summary>
    public bool Failed(string field) => Diagnostics.HasProblemAt(field);
}
