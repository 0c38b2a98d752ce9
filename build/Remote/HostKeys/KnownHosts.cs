namespace Ktrdr.Deploy.Remote.HostKeys;

/// <summary>
/// An OpenSSH known_hosts file, parsed; decides whether a presented host key is trusted. Lines it cannot use
/// (markers, malformed lines) are skipped and described in <see cref="Notes"/>. Pure: reads no network.
/// </summary>
public sealed class KnownHosts
{
    private readonly IReadOnlyList<KnownHostEntry> _entries;

    private KnownHosts(string path, IReadOnlyList<KnownHostEntry> entries, IReadOnlyList<string> notes)
    {
        Path = path;
        _entries = entries;
        Notes = notes;
    }

    public string Path { get; }

    /// <summary>One line per skipped line of the file, e.g. "line 4: @cert-authority lines are not supported; skipped".</summary>
    public IReadOnlyList<string> Notes { get; }

    public IReadOnlyList<KnownHostEntry> Entries => _entries;

    public static KnownHosts Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new RemoteException(
                $"The known_hosts file '{path}' does not exist. Host keys are never trusted on first use: create it with " +
                "'ssh-keyscan -p PORT HOST >> FILE' for each node, after checking each fingerprint out of band.");
        }

        return Parse(File.ReadAllText(path), path);
    }

    public static KnownHosts Parse(string text, string path)
    {
        var entries = new List<KnownHostEntry>();
        var notes = new List<string>();
        var lines = text.Split('\n');
        for (var index = 0; index < lines.Length; index++)
        {
            var (entry, note) = KnownHostsLine.Read(index + 1, lines[index]);
            if (entry is not null)
            {
                entries.Add(entry);
            }

            if (note is not null)
            {
                notes.Add(note);
            }
        }

        return new KnownHosts(path, entries, notes);
    }

    /// <summary>The key types this file knows for the host (e.g. ssh-ed25519, ssh-rsa).</summary>
    public IReadOnlySet<string> KeyTypesFor(string host, int port) =>
        EntriesFor(host, port).Select(entry => entry.KeyType).ToHashSet(StringComparer.Ordinal);

    public HostKeyVerdict Verify(string host, int port, byte[] presentedKey)
    {
        var keyType = SshFingerprint.KeyType(presentedKey);
        var sameType = EntriesFor(host, port).Where(entry => entry.KeyType == keyType).ToList();
        if (sameType.Any(entry => entry.Key.AsSpan().SequenceEqual(presentedKey)))
        {
            return new HostKeyVerdict(HostKeyStatus.Trusted);
        }

        return sameType.Count == 0
            ? new HostKeyVerdict(HostKeyStatus.Unknown)
            : new HostKeyVerdict(HostKeyStatus.Changed, sameType[0]);
    }

    private IEnumerable<KnownHostEntry> EntriesFor(string host, int port)
    {
        var lookupName = HostPatterns.LookupName(host, port);
        return _entries.Where(entry => entry.Hosts.Matches(lookupName));
    }
}
