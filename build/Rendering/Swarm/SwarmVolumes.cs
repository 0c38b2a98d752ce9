using YamlDotNet.RepresentationModel;

namespace Ktrdr.Deploy.Rendering.Swarm;

/// <summary>
/// Volumes and tmpfs. A <c>./path</c> bind becomes the same file under the node's deploy directory (the deploy uploads the
/// node's bundle there, as in compose mode); a named volume keeps its fixed name, so the data a compose deploy left on
/// the node is the data the Swarm service mounts.
/// </summary>
internal static class SwarmVolumes
{
    /// <summary>The service's mounts, the named volumes they use, and the bundle's files and directories it binds (absolute paths).</summary>
    public static (List<object> Mounts, List<string> Named, List<string> Bound) Of(ServiceSource s)
    {
        var mounts = new List<object>();
        var named = new List<string>();
        var bound = new List<string>();
        if (s.Child("volumes") is YamlSequenceNode seq)
        {
            foreach (var item in seq)
            {
                if (item is YamlMappingNode)
                {
                    s.Report(item, "volumes", "long-form volumes are not rendered for Swarm yet", "write it as \"source:target[:ro]\"");
                    continue;
                }
                var parts = s.Resolve((item as YamlScalarNode)?.Value ?? "").Split(':');
                var source = parts[0];
                if (source.StartsWith("./", StringComparison.Ordinal)) bound.Add(source = $"{s.Node.DeployDirectory.TrimEnd('/')}/{source[2..]}");
                else if (source.StartsWith("../", StringComparison.Ordinal))
                {
                    s.Report(item, "volumes", $"\"{parts[0]}\" leaves the node's deploy directory", "bind files of the bundle (./...) or absolute paths");
                    continue;
                }
                else if (!source.StartsWith('/') && parts.Length > 1 && !named.Contains(source)) named.Add(source);
                mounts.Add(string.Join(':', [source, .. parts.Skip(1)]));
            }
        }
        foreach (var tmpfs in Tmpfs(s)) mounts.Add(tmpfs);
        return (mounts, named, bound);
    }

    /// <summary><c>tmpfs: ["/run/x:mode=0700,uid=65534"]</c> → a tmpfs mount; its options are not Swarm settings (said in a note).</summary>
    private static IEnumerable<YMap> Tmpfs(ServiceSource s)
    {
        var node = s.Child("tmpfs");
        var items = node switch
        {
            YamlSequenceNode seq => seq.OfType<YamlScalarNode>().ToList(),
            YamlScalarNode one => [one],
            _ => [],
        };
        foreach (var item in items)
        {
            var text = item.Value ?? "";
            var colon = text.IndexOf(':');
            if (colon >= 0)
                s.Report(item, "tmpfs", $"the tmpfs options {text[(colon + 1)..]} are not Swarm settings: {text[..colon]} is mounted with Docker's defaults (mode 1777)",
                    "nothing to do unless the image needs those options; the note says what changed", Topology.DiagnosticSeverity.Note);
            yield return new YMap().Set("type", "tmpfs").Set("target", colon >= 0 ? text[..colon] : text);
        }
    }
}
