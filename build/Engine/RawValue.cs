namespace BuildEngine;

/// <summary>
/// The text given for a parameter and where it came from, e.g. <c>the command line</c>,
/// <c>environment variable KTRDR_TAG</c> or <c>.nuke/parameters.json, line 3</c>.
/// </summary>
public sealed record RawValue(IReadOnlyList<string> Values, string Source);
