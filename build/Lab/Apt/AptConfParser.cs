using System.Text.RegularExpressions;

namespace Ktrdr.Deploy.Lab.Apt;

/// <summary>One apt.conf option written on one line: <c>Acquire::http::Proxy "http://proxy:3128";</c>.</summary>
internal sealed record AptOption(string Key, string Value)
{
    public string Line => $"{Key} \"{Value}\";";
}

/// <summary>Reads the one-line <c>Key "value";</c> options of apt.conf files; comments (//, #, /* */ on one line) are skipped.</summary>
internal static partial class AptConfParser
{
    public static IReadOnlyList<AptOption> Parse(string text)
    {
        var options = new List<AptOption>();
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.StartsWith("//", StringComparison.Ordinal) || line.StartsWith('#')) continue;
            var match = OptionLine().Match(line);
            if (match.Success) options.Add(new AptOption(match.Groups["key"].Value, match.Groups["value"].Value));
        }
        return options;
    }

    [GeneratedRegex("""^(?<key>[A-Za-z][A-Za-z0-9_:.\-]*)\s+"(?<value>[^"]*)"\s*;""")]
    private static partial Regex OptionLine();
}
