namespace Ktrdr.Deploy.Lab.Apt;

/// <summary>Reads this machine's apt configuration: sources.list, sources.list.d/*.list and *.sources, apt.conf and apt.conf.d/*.</summary>
internal static class HostApt
{
    public static AptSettings Read(string etcApt = "/etc/apt")
    {
        var sources = new List<AptSource>();
        sources.AddRange(AptSourcesParser.ParseList(ReadOrEmpty(Path.Combine(etcApt, "sources.list"))));
        foreach (var file in Files(Path.Combine(etcApt, "sources.list.d")))
        {
            if (file.EndsWith(".list", StringComparison.Ordinal)) sources.AddRange(AptSourcesParser.ParseList(File.ReadAllText(file)));
            else if (file.EndsWith(".sources", StringComparison.Ordinal)) sources.AddRange(AptSourcesParser.ParseDeb822(File.ReadAllText(file)));
        }
        var options = new List<AptOption>();
        options.AddRange(AptConfParser.Parse(ReadOrEmpty(Path.Combine(etcApt, "apt.conf"))));
        foreach (var file in Files(Path.Combine(etcApt, "apt.conf.d")))
            options.AddRange(AptConfParser.Parse(File.ReadAllText(file)));
        return AptSettings.Choose(sources, options);
    }

    private static IEnumerable<string> Files(string directory) =>
        Directory.Exists(directory) ? Directory.EnumerateFiles(directory).Order(StringComparer.Ordinal) : [];

    private static string ReadOrEmpty(string path) => File.Exists(path) ? File.ReadAllText(path) : "";
}
