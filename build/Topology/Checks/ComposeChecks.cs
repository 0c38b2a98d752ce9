using Ktrdr.Deploy.Topology.Reading;
using Ktrdr.Deploy.Topology.Text;

namespace Ktrdr.Deploy.Topology.Checks;

/// <summary>Each node's compose files exist, and every profile it enables is declared by one of them.</summary>
internal static class ComposeChecks
{
    public static void Run(EnvironmentTopology topology, ReadContext context)
    {
        var catalog = new ComposeProfileCatalog(context.Diagnostics);
        foreach (var node in topology.Nodes)
        {
            var files = ExistingComposeFiles(topology, node, context);
            if (files is not null) CheckProfiles(node, files, catalog, context);
        }
    }

    /// <summary>The node's compose files as absolute paths; null when one is missing (reported) or unreadable.</summary>
    private static List<string>? ExistingComposeFiles(EnvironmentTopology topology, NodeSpec node, ReadContext context)
    {
        var found = new List<string>();
        for (var i = 0; i < node.ComposeFiles.Count; i++)
        {
            var field = $"nodes.{node.Name}.compose_files[{i}]";
            if (context.Failed(field)) return null;
            var path = topology.ComposeFilePath(node.ComposeFiles[i]);
            if (File.Exists(path)) found.Add(path);
            else ReportMissing(field, node.ComposeFiles[i], path, context);
        }
        return found.Count == node.ComposeFiles.Count ? found : null;
    }

    private static void ReportMissing(string field, string written, string path, ReadContext context)
    {
        var folder = Path.GetDirectoryName(path)!;
        var present = Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder).Select(Path.GetFileName).OfType<string>()
                .Where(f => f != TopologyLoader.FileName && (f.EndsWith(".yml", StringComparison.Ordinal) || f.EndsWith(".yaml", StringComparison.Ordinal)))
                .Order(StringComparer.Ordinal).ToList()
            : [];
        context.Report(field, $"expected an existing compose file, found no file \"{written}\" in {DiagnosticBag.DisplayPath(folder)}",
            DidYouMean.Hint(Path.GetFileName(written), present, "compose files there") + "; names are relative to this topology.yml's folder");
    }

    private static void CheckProfiles(NodeSpec node, List<string> files, ComposeProfileCatalog catalog, ReadContext context)
    {
        var declared = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            if (catalog.ProfilesIn(file) is not { } profiles) return;
            declared.UnionWith(profiles);
        }
        for (var i = 0; i < node.Profiles.Count; i++)
        {
            var field = $"nodes.{node.Name}.profiles[{i}]";
            if (declared.Contains(node.Profiles[i]) || context.Failed(field)) continue;
            context.Report(field,
                $"expected a profile declared by a service in {string.Join(", ", node.ComposeFiles)}, found \"{node.Profiles[i]}\"",
                DidYouMean.Hint(node.Profiles[i], declared, "profiles declared there") + "; add `profiles:` to a service or fix the name");
        }
    }
}
