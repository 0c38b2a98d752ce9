using Ktrdr.Deploy.Rendering.Bundles;
using Ktrdr.Deploy.Topology;

namespace Ktrdr.Deploy.EntryPoints;

/// <summary>Where the core node's services answer: the core's host and the port its compose file publishes for them.</summary>
public static class CoreEndpoints
{
    public const int BackendPort = 8000;
    public const int PrometheusPort = 9090;
    public const int GrafanaPort = 3000;
    public const int JaegerPort = 16686;

    /// <summary>
    /// http://&lt;core host&gt;:&lt;published port&gt; of the active service running the image <paramref name="imageKey"/>
    /// (by its .env variable), or null when the core's profiles start no such service.
    /// </summary>
    public static Uri? Url(EnvironmentTopology env, DeploySources sources, NodeSpec core, string imageKey, int containerPort)
    {
        if (!env.Images.TryGetValue(imageKey, out var image)) return null;
        var service = sources.ComposeFor(env, core)
            .SelectMany(f => f.ActiveServices(core.Profiles))
            .FirstOrDefault(s => s.Image?.Contains("${" + image.EnvVariable, StringComparison.Ordinal) == true);
        if (service is null) return null;
        var port = service.Ports.FirstOrDefault(p => p.ContainerPort == containerPort)?.HostPort ?? containerPort;
        return new Uri($"http://{core.Host}:{port}");
    }

    /// <summary>The backend's address on the core node (what a GitHub environment links to); the default port when the files do not say.</summary>
    public static string BackendUrl(EnvironmentTopology env, string deployRoot)
    {
        var core = env.NodesWithRole(NodeRole.Core).First();
        var sources = DeploySources.Load(deployRoot, env, []);
        return Url(env, sources, core, "ktrdr", BackendPort)?.GetLeftPart(UriPartial.Authority) ?? $"http://{core.Host}:{BackendPort}";
    }

    public static Diagnostic Missing(EnvironmentTopology env, NodeSpec core, string what)
    {
        var at = env.SourceMap.Find($"nodes.{core.Name}.compose_files");
        return new Diagnostic(env.SourceFile, at.Line, at.Column, $"nodes.{core.Name}.compose_files",
            $"expected the core node's compose files to start {what} under its profiles [{string.Join(", ", core.Profiles)}], found none",
            "Verify asks the backend and Prometheus on the core node: list the compose file that defines them (docker-compose.core.yml)");
    }
}
