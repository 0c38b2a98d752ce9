using Ktrdr.Deploy.Topology.Reading;
using Ktrdr.Deploy.Topology.Yaml;

namespace Ktrdr.Deploy.Topology.Checks;

/// <summary>
/// Reads just enough of compose files to know which profiles their services declare
/// (<c>services.*.profiles</c>, with <c>&lt;&lt;: *anchor</c> merges expanded). Each file is read once;
/// a file that is not valid YAML is reported in its own name.
/// </summary>
internal sealed class ComposeProfileCatalog(DiagnosticBag diagnostics)
{
    private readonly Dictionary<string, IReadOnlySet<string>?> _byFile = new(StringComparer.Ordinal);

    /// <summary>Profiles declared in the file, or null when it could not be read (already reported).</summary>
    public IReadOnlySet<string>? ProfilesIn(string composeFile)
    {
        if (!_byFile.TryGetValue(composeFile, out var profiles))
            _byFile[composeFile] = profiles = Read(composeFile);
        return profiles;
    }

    private IReadOnlySet<string>? Read(string composeFile)
    {
        try
        {
            var root = YamlDocumentParser.Parse(File.ReadAllText(composeFile), expandMergeKeys: true);
            return DeclaredProfiles(root);
        }
        catch (YamlSyntaxException e)
        {
            var diagnostic = YamlSyntaxDiagnostics.From(e, DiagnosticBag.DisplayPath(composeFile));
            diagnostics.AddIn(composeFile, e.Position, "", diagnostic.Message, diagnostic.Hint);
            return null;
        }
    }

    private static HashSet<string> DeclaredProfiles(YamlNode? root)
    {
        var services = (root as YamlMapping)?.Find("services")?.Value as YamlMapping;
        var profiles = services?.Entries
            .Select(service => (service.Value as YamlMapping)?.Find("profiles")?.Value)
            .OfType<YamlSequence>()
            .SelectMany(list => list.Items.OfType<YamlScalar>().Select(s => s.Value));
        return new HashSet<string>(profiles ?? [], StringComparer.Ordinal);
    }
}
