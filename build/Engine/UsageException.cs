namespace BuildEngine;

/// <summary>
/// The run cannot start: bad command line, bad parameter value, missing requirement, or a broken target graph.
/// Reported without a stack trace; exit code 2; nothing executed.
/// </summary>
public sealed class UsageException(string message) : Exception(message);
