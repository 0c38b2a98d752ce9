namespace BuildEngine;

/// <summary>The expected way for a target to fail with a message for a person; never printed with a stack trace.</summary>
public sealed class BuildFailedException : Exception
{
    public BuildFailedException(string message) : base(message) { }

    public BuildFailedException(string message, Exception inner) : base(message, inner) { }

    /// <summary>Fails with a process exit code of the target's own (e.g. 3: "drift found"), documented by the target.</summary>
    public BuildFailedException(string message, int exitCode) : base(message) => ExitCode = exitCode;

    /// <summary>The exit code of the run when this failure ends it.</summary>
    public int ExitCode { get; } = ExitCodes.TargetFailed;
}
