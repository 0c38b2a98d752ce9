namespace Ktrdr.Deploy.Lab;

/// <summary>The lab cannot do what was asked; the message says what was found and what to do about it.</summary>
public sealed class LabException : Exception
{
    public LabException(string message) : base(message) { }

    public LabException(string message, Exception inner) : base(message, inner) { }
}
