namespace BuildEngine;

/// <summary>Console detail: quiet = warnings and errors, normal = information, verbose = debug and stack traces.</summary>
public enum Verbosity
{
    Quiet,
    Normal,
    Verbose,
}
