namespace Ktrdr.Deploy.Remote;

/// <summary>Where and how to reach a node over SSH. Host keys are checked against <see cref="KnownHostsFile"/>, always.</summary>
public sealed record SshTarget(string Name, string Host, int Port, string User, string IdentityFile, string KnownHostsFile)
{
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How a person recognises this target in a message: <c>'workers-b' (root@10.0.0.5:22)</c>.</summary>
    public override string ToString() => $"'{Name}' ({User}@{Host}:{Port})";
}
