namespace Ktrdr.Deploy.Remote.HostKeys;

/// <summary>What a person reads when a host key is refused: the fingerprint to compare and the exact fix.</summary>
internal static class HostKeyMessages
{
    public static string Unknown(SshTarget target, KnownHosts knownHosts, string keyType, string fingerprint)
    {
        var lines = new List<string>
        {
            $"Unknown host key for SSH target {target}: {knownHosts.Path} has no {keyType} key for " +
            $"{HostPatterns.LookupName(target.Host, target.Port)}. Keys are never trusted on first use, so nothing was run.",
            $"  host:        {target.Host}:{target.Port}",
            $"  key type:    {keyType}",
            $"  fingerprint: {fingerprint}",
            $"Compare this fingerprint with the host's own (on the host: ssh-keygen -lf /etc/ssh/ssh_host_{ShortType(keyType)}_key.pub),",
            "and only when they match add the host's keys with:",
            $"  ssh-keyscan -p {target.Port} {target.Host} >> {knownHosts.Path}",
        };
        lines.AddRange(NotesAbout(knownHosts));
        return string.Join(Environment.NewLine, lines);
    }

    public static string Changed(SshTarget target, KnownHosts knownHosts, KnownHostEntry expected, string fingerprint)
    {
        var lines = new List<string>
        {
            $"@@@ HOST KEY CHANGED for SSH target {target} @@@",
            $"The {expected.KeyType} key that {target.Host}:{target.Port} presented is not the one recorded in {knownHosts.Path}.",
            "Someone could be doing something nasty: possible man-in-the-middle attack. Nothing was run.",
            $"  expected fingerprint: {expected.Fingerprint} (line {expected.Line} of {knownHosts.Path})",
            $"  got fingerprint:      {fingerprint}",
            $"If the change is expected (the host was reinstalled), check the new fingerprint out of band, remove the old line {expected.Line} " +
            $"of {knownHosts.Path} (ssh-keygen -R '{HostPatterns.LookupName(target.Host, target.Port)}' -f {knownHosts.Path}) and add the new key with",
            $"  ssh-keyscan -p {target.Port} {target.Host} >> {knownHosts.Path}",
        };
        return string.Join(Environment.NewLine, lines);
    }

    private static IEnumerable<string> NotesAbout(KnownHosts knownHosts) =>
        knownHosts.Notes.Count == 0
            ? []
            : knownHosts.Notes.Select(note => $"Note: {knownHosts.Path} {note}.").Prepend("Lines of the file that were not used:");

    private static string ShortType(string keyType) => keyType switch
    {
        "ssh-ed25519" => "ed25519",
        "ssh-rsa" => "rsa",
        _ when keyType.StartsWith("ecdsa", StringComparison.Ordinal) => "ecdsa",
        _ => "*",
    };
}
