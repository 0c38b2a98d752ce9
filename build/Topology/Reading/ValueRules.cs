using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

namespace Ktrdr.Deploy.Topology.Reading;

/// <summary>The kinds of values a topology file holds, each with its expectation and hint.</summary>
internal static partial class ValueRules
{
    public static readonly ValueRule<string> Text = new(
        "a non-empty text value", "write a value after the colon", NonEmpty, "");

    public static readonly ValueRule<bool> Boolean = new(
        "true or false", "write true or false (without quotes)", ParseBool, false);

    public static readonly ValueRule<string> UpperSnake = new(
        "an UPPER_SNAKE_CASE name (A-Z, 0-9, _; starting with a letter)",
        "environment variable names are written like DB_PASSWORD", Matching(UpperSnakePattern()), "");

    public static readonly ValueRule<string> DnsLabel = new(
        "a lowercase DNS label (a-z, 0-9 and '-', at most 63 characters, not starting or ending with '-')",
        "use a short lowercase name such as workers-b", Matching(DnsLabelPattern()), "");

    public static readonly ValueRule<string> HostName = new(
        "a DNS host name (labels of a-z, 0-9 and '-' separated by '.') or an IP address",
        "write the node's DNS name, e.g. workers-b.example.org", ParseHost, "");

    public static readonly ValueRule<string> AbsolutePath = new(
        "an absolute path (starting with /)", "write the full path, e.g. /opt/ktrdr-core",
        (string t, out string v) => (v = t).StartsWith('/'), "");

    public static readonly ValueRule<string> UnixUser = new(
        "a Unix user name (a-z, 0-9, '_' and '-', starting with a letter or '_')",
        "write the SSH login, e.g. root", Matching(UnixUserPattern()), "");

    /// <summary>A registry host (with optional port) followed by a lowercase namespace, e.g. ghcr.io/acme.</summary>
    public static readonly ValueRule<string> RegistryUrl = new(
        "a registry address host[:port]/namespace with a lowercase namespace, e.g. ghcr.io/acme",
        "write the registry and owner without scheme or placeholders, e.g. ghcr.io/ktrdr-dev",
        Matching(RegistryUrlPattern()), "");

    public static readonly ValueRule<string> Repository = new(
        "an image repository (lowercase path components separated by '/'), e.g. grafana/grafana",
        "write the repository without a tag; put the tag in `tag:`", Matching(RepositoryPattern()), "");

    public static readonly ValueRule<string> ImageTag = new(
        "an image tag (letters, digits, '_', '.', '-'; at most 128 characters)",
        "write the exact tag, quoted when it looks like a number, e.g. \"1.62.0\"", Matching(TagPattern()), "");

    /// <summary>
    /// An environment variable's value: any one-line text, including an empty quoted one. A newline or another control
    /// character would end the variable's line in the node's .env and start a line of its own (<c>"x\nNODE_NAME=evil"</c>).
    /// </summary>
    public static readonly ValueRule<string> EnvValue = new(
        "a one-line text value without control characters (no newline, carriage return, escape or NUL)",
        "a .env line holds one variable: write the value on one line, quote it (\"\") for an empty one",
        (string t, out string v) => !ControlCharacterPattern().IsMatch(v = t), "");

    public static readonly ValueRule<string> RelativePath = new(
        "a relative path without '..' (e.g. docker/Dockerfile)", "write a relative path such as docker/Dockerfile or data (no leading /, no ..)",
        (string t, out string v) => RelativePathPattern().IsMatch(v = t) && !t.Split('/').Contains(".."), "");

    /// <summary>A compose file in the environment folder, or in a sibling environment as ../other/file.yml.</summary>
    public static readonly ValueRule<string> ComposeFileName = new(
        "a compose file name ending in .yml or .yaml, optionally as ../<environment>/<file>",
        "name a file in this environment's folder, e.g. docker-compose.core.yml, or ../homelab/docker-compose.core.yml",
        Matching(ComposeFilePattern()), "");

    public static readonly ValueRule<string> ProfileName = new(
        "a compose profile name (letters, digits, '_', '.', '-')", "write the profile as the compose file declares it",
        Matching(ProfilePattern()), "");

    /// <summary>Octal permission bits written as 3 or 4 digits 0-7 ("2775" or the YAML number 2775).</summary>
    public static readonly ValueRule<int> OctalMode = new(
        "an octal file mode of 3 or 4 digits 0-7, e.g. \"2775\"", "write the mode as chmod takes it, e.g. \"2775\" or \"664\"",
        ParseOctal, 0);

    public static readonly ValueRule<TimeSpan> Duration = new(
        "a Prometheus duration such as 30s, 5m or 4h", "write a number followed by ms, s, m, h or d, e.g. 5m",
        (string t, out TimeSpan v) => (v = Topology.Text.PromDuration.Parse(t) ?? TimeSpan.Zero) > TimeSpan.Zero, TimeSpan.Zero);

    public static readonly ValueRule<string> HttpUrl = new(
        "an http:// or https:// URL", "write the full URL, e.g. https://ntfy.example/ktrdr",
        (string t, out string v) => Uri.TryCreate(v = t, UriKind.Absolute, out var u) && (u.Scheme == "http" || u.Scheme == "https"), "");

    public static ValueRule<int> WholeNumber(int min, int max) => new(
        $"a whole number between {min} and {max}", $"write a number from {min} to {max}, without quotes or units",
        (string t, out int v) => int.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out v) && v >= min && v <= max,
        min);

    private static bool NonEmpty(string text, out string value) => (value = text).Trim().Length > 0;

    private static bool ParseBool(string text, out bool value) => bool.TryParse(text, out value);

    private static bool ParseOctal(string text, out int value)
    {
        value = OctalPattern().IsMatch(text) ? Convert.ToInt32(text, 8) : 0;
        return OctalPattern().IsMatch(text);
    }

    private static bool ParseHost(string text, out string value)
    {
        value = text;
        return IsIpAddress(text) || (text.Length <= 253 && HostPattern().IsMatch(text));
    }

    /// <summary>A dotted-quad IPv4 or an IPv6 address (not the shorthand forms IPAddress also accepts).</summary>
    public static bool IsIpAddress(string text) =>
        IPAddress.TryParse(text, out var ip) &&
        (ip.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? text.Contains(':') : text.Count(c => c == '.') == 3);

    private static TextParser<string> Matching(Regex pattern) => (string t, out string v) => pattern.IsMatch(v = t);

    [GeneratedRegex(@"^[A-Za-z0-9._-]+(/[A-Za-z0-9._-]+)*$")] private static partial Regex RelativePathPattern();
    [GeneratedRegex(@"^(\.\./[a-z0-9][a-z0-9-]*/)?[A-Za-z0-9._-]+\.ya?ml$")] private static partial Regex ComposeFilePattern();
    [GeneratedRegex(@"^[a-zA-Z0-9][a-zA-Z0-9_.-]*$")] private static partial Regex ProfilePattern();
    [GeneratedRegex("^[A-Z][A-Z0-9_]*$")] private static partial Regex UpperSnakePattern();
    [GeneratedRegex(@"[\p{Cc}-[\t]]")] private static partial Regex ControlCharacterPattern();
    [GeneratedRegex("^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$")] private static partial Regex DnsLabelPattern();
    [GeneratedRegex(@"^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)*[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$", RegexOptions.IgnoreCase)]
    private static partial Regex HostPattern();
    [GeneratedRegex("^[a-z_][a-z0-9_-]{0,31}$")] private static partial Regex UnixUserPattern();
    [GeneratedRegex("^[0-7]{3,4}$")] private static partial Regex OctalPattern();
    [GeneratedRegex(@"^[a-z0-9]+([._-][a-z0-9]+)*(/[a-z0-9]+([._-][a-z0-9]+)*)*$")] private static partial Regex RepositoryPattern();
    [GeneratedRegex(@"^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$")] private static partial Regex TagPattern();
    [GeneratedRegex(@"^[A-Za-z0-9.-]+(:[0-9]{1,5})?(/[a-z0-9]+([._-][a-z0-9]+)*)+$")] private static partial Regex RegistryUrlPattern();
}
