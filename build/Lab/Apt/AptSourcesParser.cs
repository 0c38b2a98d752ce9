namespace Ktrdr.Deploy.Lab.Apt;

/// <summary>Reads apt's two source formats: one-line <c>*.list</c> and deb822 <c>*.sources</c> stanzas.</summary>
internal static class AptSourcesParser
{
    /// <summary><c>deb [arch=amd64 signed-by=...] http://deb.debian.org/debian bookworm main</c>, one per line.</summary>
    public static IReadOnlyList<AptSource> ParseList(string text)
    {
        var sources = new List<AptSource>();
        foreach (var raw in text.Split('\n'))
        {
            var line = StripComment(raw).Trim();
            if (line.Length == 0) continue;
            var open = line.IndexOf('[', StringComparison.Ordinal);
            var close = open >= 0 ? line.IndexOf(']', open) : -1;
            if (close > open) line = line[..open] + line[(close + 1)..];
            var fields = line.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length >= 3 && fields[0] is "deb" or "deb-src") sources.Add(new AptSource(fields[0], fields[1], [fields[2]]));
        }
        return sources;
    }

    /// <summary>Stanzas of <c>Types:</c>, <c>URIs:</c>, <c>Suites:</c> separated by blank lines; <c>Enabled: no</c> is skipped.</summary>
    public static IReadOnlyList<AptSource> ParseDeb822(string text)
    {
        var sources = new List<AptSource>();
        foreach (var stanza in text.Replace("\r", "").Split("\n\n"))
        {
            var fields = Fields(stanza);
            if (fields.GetValueOrDefault("enabled", "yes").Equals("no", StringComparison.OrdinalIgnoreCase)) continue;
            var suites = Words(fields.GetValueOrDefault("suites", ""));
            foreach (var type in Words(fields.GetValueOrDefault("types", "")))
                foreach (var uri in Words(fields.GetValueOrDefault("uris", "")))
                    if (suites.Count > 0) sources.Add(new AptSource(type, uri, suites));
        }
        return sources;
    }

    private static Dictionary<string, string> Fields(string stanza)
    {
        var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        string? last = null;
        foreach (var raw in stanza.Split('\n'))
        {
            if (raw.TrimStart().StartsWith('#')) continue;
            if ((raw.StartsWith(' ') || raw.StartsWith('\t')) && last is not null) { fields[last] += " " + raw.Trim(); continue; }
            var colon = raw.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0) continue;
            last = raw[..colon].Trim();
            fields[last] = raw[(colon + 1)..].Trim();
        }
        return fields;
    }

    private static List<string> Words(string text) => [.. text.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries)];

    private static string StripComment(string line) => line.IndexOf('#', StringComparison.Ordinal) is var hash and >= 0 ? line[..hash] : line;
}
