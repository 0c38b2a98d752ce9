using Ktrdr.Deploy.Topology;
using Ktrdr.Deploy.Topology.Yaml;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Ktrdr.Deploy.Rendering.Compose;

/// <summary>
/// Reads the parts of a compose file the checks need, keeping line numbers. YAML merge keys
/// (<c>&lt;&lt;: *anchor</c>) are resolved, so services built from <c>x-</c> anchors look as compose sees them.
/// This is not a compose validator; <c>docker-compose config</c> is (see ComposeConfigCheck).
/// </summary>
public static class ComposeParser
{
    public static ComposeFile Parse(string path, string text, List<Diagnostic> problems)
    {
        var fileName = System.IO.Path.GetFileName(path);
        var services = new List<ComposeService>();
        YamlMappingNode? root;
        if (YamlNesting.TooDeep(path, text) is { } deep)
        {
            problems.Add(deep);
            return new ComposeFile(path, fileName, text, services);
        }
        try
        {
            root = LoadRoot(text);
        }
        catch (YamlException e)
        {
            problems.Add(new Diagnostic(path, (int)e.Start.Line, (int)e.Start.Column, "",
                $"this is not valid YAML: {e.InnerException?.Message ?? e.Message}",
                "fix the indentation or quoting at that line"));
            return new ComposeFile(path, fileName, text, services);
        }

        if (root is null || !root.Children.TryGetValue(new YamlScalarNode("services"), out var servicesNode)
            || servicesNode is not YamlMappingNode serviceMap)
        {
            problems.Add(new Diagnostic(path, 1, 1, "services", "expected a top-level 'services:' mapping, found none",
                "a compose file lists its containers under 'services:'"));
            return new ComposeFile(path, fileName, text, services);
        }

        foreach (var (key, value) in serviceMap.Children)
        {
            if (key is YamlScalarNode { Value: { } name } && value is YamlMappingNode body)
                services.Add(ReadService(path, name, Position(key), body, problems));
        }
        return new ComposeFile(path, fileName, text, services);
    }

    /// <summary>The file's top-level mapping with merge keys resolved (null when empty or not a mapping).</summary>
    /// <exception cref="YamlException">The text is not valid YAML.</exception>
    internal static YamlMappingNode? LoadRoot(string text)
    {
        var stream = new YamlStream();
        stream.Load(new MergingParser(new Parser(new StringReader(text))));
        return stream.Documents.Count == 0 ? null : stream.Documents[0].RootNode as YamlMappingNode;
    }

    private static ComposeService ReadService(string path, string name, SourcePosition at, YamlMappingNode body, List<Diagnostic> problems) =>
        new(name, at,
            Scalar(body, "image"),
            StringList(body, "command"),
            ReadPorts(path, name, body, problems),
            ReadEnvironment(body),
            ReadVolumes(body),
            StringList(body, "profiles"),
            Scalar(body, "user"),
            StringList(body, "group_add"),
            ReadHealthcheck(body));

    private static Healthcheck? ReadHealthcheck(YamlMappingNode body) =>
        Child(body, "healthcheck") is YamlMappingNode check && Child(check, "test") is { } test
            ? new Healthcheck(string.Join(" ", StringList(check, "test")), Position(test))
            : null;

    private static IReadOnlyList<PortMapping> ReadPorts(string path, string service, YamlMappingNode body, List<Diagnostic> problems)
    {
        var ports = new List<PortMapping>();
        if (Child(body, "ports") is not YamlSequenceNode seq) return ports;
        foreach (var item in seq)
        {
            var pos = Position(item);
            if (item is YamlMappingNode longForm)
            {
                if (int.TryParse(Scalar(longForm, "target"), out var target))
                    ports.Add(new PortMapping(Scalar(longForm, "host_ip"),
                        int.TryParse(Scalar(longForm, "published"), out var pub) ? pub : target, target, pos));
                continue;
            }
            var text = (item as YamlScalarNode)?.Value ?? "";
            var parts = text.Split('/')[0].Split(':');
            var ok = parts.Length is >= 1 and <= 3 && parts.Skip(parts.Length == 3 ? 1 : 0).All(p => int.TryParse(p, out _));
            if (!ok)
            {
                problems.Add(new Diagnostic(path, pos.Line, pos.Column, $"services.{service}.ports",
                    $"expected \"HOST:CONTAINER\" or \"IP:HOST:CONTAINER\" with numbers, found \"{text}\"",
                    "publish ports as numbers, e.g. \"5003:5003\""));
                continue;
            }
            var container = int.Parse(parts[^1]);
            var host = parts.Length >= 2 ? int.Parse(parts[^2]) : container;
            ports.Add(new PortMapping(parts.Length == 3 ? parts[0] : null, host, container, pos));
        }
        return ports;
    }

    private static IReadOnlyList<EnvironmentEntry> ReadEnvironment(YamlMappingNode body)
    {
        var entries = new List<EnvironmentEntry>();
        switch (Child(body, "environment"))
        {
            case YamlMappingNode map:
                foreach (var (k, v) in map.Children)
                    entries.Add(new EnvironmentEntry(((YamlScalarNode)k).Value ?? "", PassThroughOrValue(v), Position(k)));
                break;
            case YamlSequenceNode seq:
                foreach (var item in seq)
                {
                    var text = (item as YamlScalarNode)?.Value ?? "";
                    var eq = text.IndexOf('=');
                    entries.Add(eq < 0
                        ? new EnvironmentEntry(text, null, Position(item))
                        : new EnvironmentEntry(text[..eq], text[(eq + 1)..], Position(item)));
                }
                break;
        }
        return entries;
    }

    /// <summary>In map form, a key with nothing after the colon passes the variable through (null); "" is an empty value.</summary>
    private static string? PassThroughOrValue(YamlNode node) =>
        node is YamlScalarNode { Value: "", Style: ScalarStyle.Plain or ScalarStyle.Any } ? null : (node as YamlScalarNode)?.Value;

    private static IReadOnlyList<VolumeMount> ReadVolumes(YamlMappingNode body)
    {
        var mounts = new List<VolumeMount>();
        if (Child(body, "volumes") is not YamlSequenceNode seq) return mounts;
        foreach (var item in seq)
        {
            if (item is YamlMappingNode longForm)
            {
                mounts.Add(new VolumeMount(Scalar(longForm, "source") ?? "", Scalar(longForm, "target") ?? "", Position(item)));
                continue;
            }
            var parts = ((item as YamlScalarNode)?.Value ?? "").Split(':');
            mounts.Add(new VolumeMount(parts[0], parts.Length > 1 ? parts[1] : "", Position(item)));
        }
        return mounts;
    }

    private static YamlNode? Child(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var node) ? node : null;

    private static string? Scalar(YamlMappingNode map, string key) => (Child(map, key) as YamlScalarNode)?.Value;

    /// <summary>A scalar or a list of scalars (compose accepts both for command, profiles, group_add).</summary>
    private static IReadOnlyList<string> StringList(YamlMappingNode map, string key) => Child(map, key) switch
    {
        YamlSequenceNode seq => seq.OfType<YamlScalarNode>().Select(s => s.Value ?? "").ToList(),
        YamlScalarNode { Value: { } s } => s.Split(' ', StringSplitOptions.RemoveEmptyEntries),
        _ => [],
    };

    internal static SourcePosition Position(YamlNode node) => new((int)node.Start.Line, (int)node.Start.Column);
}
