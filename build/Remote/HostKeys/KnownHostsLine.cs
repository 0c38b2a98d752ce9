namespace Ktrdr.Deploy.Remote.HostKeys;

/// <summary>Reads one line of a known_hosts file: an entry, a note about why it was skipped, or neither (blank/comment).</summary>
internal static class KnownHostsLine
{
    public static (KnownHostEntry? Entry, string? Note) Read(int number, string line)
    {
        var text = line.Trim();
        if (text.Length == 0 || text.StartsWith('#'))
        {
            return (null, null);
        }

        var fields = text.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        if (fields[0].StartsWith('@'))
        {
            return (null, $"line {number}: {fields[0]} lines are not supported; skipped");
        }

        if (fields.Length < 3)
        {
            return (null, $"line {number}: expected 'hosts key-type base64-key', found {fields.Length} field(s); skipped");
        }

        var hosts = HostPatterns.Parse(fields[0]);
        if (hosts.Problem is { } problem)
        {
            return (null, $"line {number}: {problem}; skipped");
        }

        byte[] key;
        try
        {
            key = Convert.FromBase64String(fields[2]);
        }
        catch (FormatException)
        {
            return (null, $"line {number}: the key of type {fields[1]} is not valid base64; skipped");
        }

        var innerType = SshFingerprint.KeyType(key);
        return innerType == fields[1]
            ? (new KnownHostEntry(number, hosts, fields[1], key), null)
            : (null, $"line {number}: the key says it is '{innerType ?? "unreadable"}' but the line says '{fields[1]}'; skipped");
    }
}
