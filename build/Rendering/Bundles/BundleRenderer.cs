using Ktrdr.Deploy.Rendering.Prometheus;
using Ktrdr.Deploy.Topology;

namespace Ktrdr.Deploy.Rendering.Bundles;

/// <summary>Turns topology + sources into each node's bundle. Pure: no file or network access.</summary>
public static class BundleRenderer
{
    public const string EnvFile = ".env";
    public const string PrometheusConfig = "prometheus/prometheus.yml";

    public static RenderedBundle Render(EnvironmentTopology env, DeploySources sources, NodeSpec node, string tag)
    {
        var files = Files(env, sources, node, tag);
        // Swarm: the manager (core) deploys the whole stack; the compose files and .env stay so every check still runs on them.
        if (node.Role == NodeRole.Core && env.Engine == DeployEngine.Swarm)
            files.Add(new BundleFile(Swarm.SwarmStack.FileName,
                Swarm.SwarmStack.Render(env, sources, tag, Swarm.StackInputs.Unknown with { FileHashes = FileHashes(env, sources, tag) }).Text));
        return new RenderedBundle(env.Name, node, tag, files);
    }

    /// <summary>Every node's bundle file (the stack aside) by <c>node:/deploy/dir/path</c> → its SHA-256: what the stack's bind mounts read.</summary>
    private static Dictionary<string, string> FileHashes(EnvironmentTopology env, DeploySources sources, string tag) =>
        env.Nodes.SelectMany(n => Files(env, sources, n, tag).Select(f => (Key: Swarm.StackInputs.FileKey(n, f.Path), f.Sha256)))
            .ToDictionary(f => f.Key, f => f.Sha256, StringComparer.Ordinal);

    private static List<BundleFile> Files(EnvironmentTopology env, DeploySources sources, NodeSpec node, string tag)
    {
        var files = new List<BundleFile>();
        foreach (var compose in sources.ComposeFor(env, node))
            files.Add(new BundleFile(compose.FileName, compose.Text));
        files.Add(new BundleFile(EnvFile, NodeVariables.DotEnv(env, node, tag)));

        if (node.Role == NodeRole.Core)
        {
            files.Add(new BundleFile(PrometheusConfig, ScrapeConfigGenerator.Render(ScrapeConfigGenerator.Jobs(env, sources), alerting: env.Alerting is not null)));
            files.AddRange(sources.RuleFiles.Select(r => new BundleFile($"prometheus/{r.Key}", RuleForCap.Apply(r.Value, env.Alerting?.MaxFor))));
            if (env.Alerting is { } alerting) files.Add(new BundleFile(AlertmanagerConfig.BundlePath, AlertmanagerConfig.Render(alerting)));
            files.AddRange(sources.GrafanaFiles.Select(g => new BundleFile(g.Key, g.Value)));
        }
        return files;
    }

    public static IReadOnlyList<RenderedBundle> RenderAll(EnvironmentTopology env, DeploySources sources, string tag) =>
        env.Nodes.Select(n => Render(env, sources, n, tag)).ToList();
}
