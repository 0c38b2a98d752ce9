namespace Ktrdr.Deploy.Remote.HostKeys;

public enum HostKeyStatus
{
    /// <summary>A line for this host holds exactly the presented key.</summary>
    Trusted,

    /// <summary>No line for this host holds a key of this type.</summary>
    Unknown,

    /// <summary>A line for this host holds a different key of the same type.</summary>
    Changed,
}

/// <param name="Expected">For <see cref="HostKeyStatus.Changed"/>: the line whose key was expected.</param>
public sealed record HostKeyVerdict(HostKeyStatus Status, KnownHostEntry? Expected = null);
