namespace BuildEngine;

/// <summary>The expected way for a target to fail with a message for a person; never printed with a stack trace.</summary>
public sealed class BuildFailedException : Exception
{
    public BuildFailedException(string message) : base(message) { }

    public BuildFailedException(string message, Exception inner) : base(message, inner) { }
}
