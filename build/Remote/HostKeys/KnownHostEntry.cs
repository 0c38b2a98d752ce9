namespace Ktrdr.Deploy.Remote.HostKeys;

/// <summary>One usable line of a known_hosts file.</summary>
public sealed record KnownHostEntry(int Line, HostPatterns Hosts, string KeyType, byte[] Key)
{
    public string Fingerprint => SshFingerprint.Sha256(Key);
}
