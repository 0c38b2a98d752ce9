namespace Ktrdr.Deploy.Lab.Apt;

/// <summary>
/// How this machine reaches Debian: the mirror, the security mirror and the apt options worth carrying into the lab's
/// images (proxy, and the date checks a snapshot mirror needs switched off). Decided from the host's apt files.
/// </summary>
internal sealed record AptSettings(string Mirror, string SecurityMirror, IReadOnlyList<AptOption> Options)
{
    public const string Suite = "bookworm";
    public const string DefaultMirror = "http://deb.debian.org/debian";
    public const string DefaultSecurityMirror = "http://deb.debian.org/debian-security";

    private static readonly string[] CarriedKeys =
        ["Acquire::http::Proxy", "Acquire::https::Proxy", "Acquire::Check-Valid-Until", "Acquire::Check-Date"];

    /// <summary>The http proxy apt uses, for debootstrap's <c>http_proxy</c>; null when none (or DIRECT).</summary>
    public string? HttpProxy =>
        Options.LastOrDefault(o => o.Key.Equals("Acquire::http::Proxy", StringComparison.OrdinalIgnoreCase))?.Value is { } proxy
        && proxy.Length > 0 && !proxy.Equals("DIRECT", StringComparison.OrdinalIgnoreCase) && !proxy.Equals("false", StringComparison.OrdinalIgnoreCase)
            ? proxy : null;

    /// <summary>The image's /etc/apt/sources.list: the host's mirrors, for bookworm.</summary>
    public string SourcesList =>
        $"deb {Mirror} {Suite} main\ndeb {Mirror} {Suite}-updates main\ndeb {SecurityMirror} {Suite}-security main\n";

    /// <summary>The image's /etc/apt/apt.conf.d/99ktrdr-lab: the carried options, one a line.</summary>
    public string AptConf =>
        "// carried over from the machine that built the lab (./build.sh LabUp)\n" + string.Concat(Options.Select(o => o.Line + "\n"));

    /// <summary>Picks the Debian mirror (a source whose URI ends in /debian), the security mirror and the carried options.</summary>
    public static AptSettings Choose(IEnumerable<AptSource> sources, IEnumerable<AptOption> options)
    {
        var debs = sources.Where(s => s.Type == "deb").ToList();
        var mirror = debs.FirstOrDefault(s => PathEndsWith(s.Uri, "/debian"))?.Uri;
        var security = debs.FirstOrDefault(s => PathEndsWith(s.Uri, "/debian-security"))?.Uri;
        var carried = options.Where(o => CarriedKeys.Contains(o.Key, StringComparer.OrdinalIgnoreCase))
            .GroupBy(o => o.Key.ToLowerInvariant()).Select(g => g.Last()).ToList();
        return new AptSettings(Trim(mirror) ?? DefaultMirror, Trim(security) ?? DefaultSecurityMirror, carried);
    }

    private static bool PathEndsWith(string uri, string end) => uri.TrimEnd('/').EndsWith(end, StringComparison.Ordinal);

    private static string? Trim(string? uri) => uri?.TrimEnd('/');
}
