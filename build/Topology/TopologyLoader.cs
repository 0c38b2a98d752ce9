using Ktrdr.Deploy.Topology.Checks;
using Ktrdr.Deploy.Topology.Loading;
using Ktrdr.Deploy.Topology.Reading;
using Ktrdr.Deploy.Topology.Text;
using Ktrdr.Deploy.Topology.Yaml;

namespace Ktrdr.Deploy.Topology;

/// <summary>
/// Loads <c>deploy/environments/&lt;name&gt;/topology.yml</c> into an <see cref="EnvironmentTopology"/>.
/// Every problem in the file is collected — syntax, unknown keys, bad values, broken cross-references,
/// missing compose files — and thrown together as one <see cref="InvalidInputException"/>.
/// </summary>
public static class TopologyLoader
{
    public const string FileName = "topology.yml";

    /// <summary>Loads <c>&lt;deployRoot&gt;/environments/&lt;environment&gt;/topology.yml</c>.</summary>
    /// <exception cref="InvalidInputException">The environment does not exist, or its file has problems.</exception>
    public static EnvironmentTopology Load(string deployRoot, string environment)
    {
        var available = AvailableEnvironments(deployRoot);
        if (!available.Contains(environment, StringComparer.Ordinal))
            throw UnknownEnvironment(deployRoot, environment, available);
        return LoadFile(Path.Combine(EnvironmentsFolder(deployRoot), environment, FileName));
    }

    /// <summary>The environment, or null when it does not load (a caller that only checks; the targets that need it report why).</summary>
    public static EnvironmentTopology? TryLoad(string deployRoot, string environment)
    {
        try
        {
            return Load(deployRoot, environment);
        }
        catch (InvalidInputException)
        {
            return null;
        }
    }

    /// <summary>Loads one topology file; its folder name is the environment's name.</summary>
    /// <exception cref="InvalidInputException">The file is missing or has problems.</exception>
    public static EnvironmentTopology LoadFile(string topologyYmlPath)
    {
        var path = Path.GetFullPath(topologyYmlPath);
        var diagnostics = new DiagnosticBag(path);
        if (!File.Exists(path))
        {
            diagnostics.Add(new SourcePosition(0, 0), "", "the topology file does not exist",
                $"create it, or pick an environment that has one ({FileName} in deploy/environments/<name>/)");
            diagnostics.ThrowIfAny();
        }
        var topology = Parse(File.ReadAllText(path), path, diagnostics);
        diagnostics.ThrowIfAny();
        return topology!;
    }

    /// <summary>Names of the folders under <c>&lt;deployRoot&gt;/environments</c> that hold a topology.yml, sorted.</summary>
    public static IReadOnlyList<string> AvailableEnvironments(string deployRoot)
    {
        var folder = EnvironmentsFolder(deployRoot);
        if (!Directory.Exists(folder)) return [];
        return Directory.EnumerateDirectories(folder)
            .Where(d => File.Exists(Path.Combine(d, FileName)))
            .Select(Path.GetFileName).OfType<string>()
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    private static EnvironmentTopology? Parse(string text, string path, DiagnosticBag diagnostics)
    {
        YamlNode? root;
        try
        {
            root = YamlDocumentParser.Parse(text);
        }
        catch (YamlSyntaxException e)
        {
            var syntax = YamlSyntaxDiagnostics.From(e, diagnostics.File);
            diagnostics.Add(e.Position, syntax.Field, syntax.Message, syntax.Hint);
            return null;
        }
        if (root is null)
        {
            diagnostics.Add(new SourcePosition(1, 1), "", "expected the settings of an environment, found an empty file",
                "start from deploy/environments/homelab/topology.yml and adapt it");
            return null;
        }

        var context = new ReadContext(diagnostics, new SourceMap());
        YamlKeyWalker.Index(root, context.SourceMap, diagnostics);
        var topology = TopologyDocumentReader.Read(root, path, context);
        if (topology is null) return null;
        NodeChecks.Run(topology, context);
        ReferenceChecks.Run(topology, context);
        ImageChecks.Run(topology, context);
        AlertingChecks.Run(topology, context);
        ComposeChecks.Run(topology, context);
        return topology;
    }

    private static string EnvironmentsFolder(string deployRoot) => Path.Combine(Path.GetFullPath(deployRoot), "environments");

    private static InvalidInputException UnknownEnvironment(string deployRoot, string environment, IReadOnlyList<string> available)
    {
        var hint = available.Count == 0
            ? $"no environment found: check --deploy-root (looked for */{FileName} under it)"
            : DidYouMean.Hint(environment, available, "available environments");
        var diagnostic = new Diagnostic(DiagnosticBag.DisplayPath(EnvironmentsFolder(deployRoot)), 0, 0, "environment",
            $"expected the name of a folder holding a {FileName}, found \"{environment}\"", hint);
        return new InvalidInputException([diagnostic]);
    }
}
