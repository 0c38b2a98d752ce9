namespace Ktrdr.Deploy.Topology;

/// <summary>
/// One problem found in an input file, written for a person: where (file, line, column, field),
/// what was expected and what was found, and what to do. Used by topology loading and by every
/// rendering check so that all problems print the same way.
/// </summary>
public sealed record Diagnostic(
    string File,
    int Line,
    int Column,
    string Field,
    string Message,
    string? Hint = null,
    DiagnosticSeverity Severity = DiagnosticSeverity.Error)
{
    public bool IsError => Severity == DiagnosticSeverity.Error;

    /// <summary>file:line:column: field: message (hint on its own line when present).</summary>
    public override string ToString()
    {
        var where = Line > 0 ? $"{File}:{Line}:{Column}" : File;
        var field = string.IsNullOrEmpty(Field) ? "" : $"{Field}: ";
        var level = Severity switch { DiagnosticSeverity.Warning => "warning: ", DiagnosticSeverity.Note => "note: ", _ => "" };
        return Hint is null ? $"{where}: {level}{field}{Message}" : $"{where}: {level}{field}{Message}\n    hint: {Hint}";
    }
}

/// <summary>Error: nothing is written. Warning: to be fixed. Note: what a render replaced on purpose, said once so nothing changes silently.</summary>
public enum DiagnosticSeverity { Error, Warning, Note }

/// <summary>Thrown when input is invalid; carries every problem found, not only the first.</summary>
public sealed class InvalidInputException(IReadOnlyList<Diagnostic> diagnostics)
    : Exception($"{diagnostics.Count} problem(s) found:\n" + string.Join("\n", diagnostics))
{
    public IReadOnlyList<Diagnostic> Diagnostics { get; } = diagnostics;
}
