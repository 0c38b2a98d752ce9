using Ktrdr.Deploy.Topology;
using YamlDotNet.RepresentationModel;

namespace Ktrdr.Deploy.Rendering.Swarm;

/// <summary>One stack service and what it needs at the top level of the stack file.</summary>
internal sealed record StackService(string Name, YMap Spec, IReadOnlyList<string> NamedVolumes, IReadOnlyList<string> Secrets);

/// <summary>
/// Turns one compose service on one node into its Swarm service. Every compose key is either carried over, replaced by
/// its Swarm counterpart (said in a note), or refused with an error: nothing is dropped silently.
/// </summary>
internal static class SwarmService
{
    /// <summary>Carried over as they are (values resolved).</summary>
    private static readonly string[] Carried = ["image", "command", "entrypoint", "environment", "ports", "volumes", "healthcheck", "stop_grace_period", "user"];

    /// <summary>Replaced by a Swarm setting (restart_policy, placement by node, a tmpfs mount, the primary group).</summary>
    private static readonly string[] Replaced = ["restart", "profiles", "depends_on", "tmpfs", "group_add", "runtime"];

    /// <summary>Compose keys Swarm has no counterpart for, with what to do instead.</summary>
    private static readonly IReadOnlyDictionary<string, string> Refused = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["devices"] = "Swarm services cannot map devices: a GPU is reached through the nvidia runtime, the gpu node's default runtime (docs/swarm.md)",
        ["container_name"] = "Swarm names the containers itself; other services reach this one by its service name",
        ["network_mode"] = "Swarm services join the stack's network; publish a port instead",
        ["privileged"] = "Swarm services cannot run privileged",
        ["build"] = "a stack runs pushed images: build and push with BuildImages PushGhcr",
    };

    /// <summary>
    /// The container label carrying the hash of the bundle files a service bind-mounts: a changed file changes the spec, so
    /// Swarm replaces the task (its container would go on reading the file it mounted, not the one uploaded).
    /// </summary>
    public const string MountedFilesLabel = "ktrdr.mounted-files";

    public static StackService Convert(ServiceSource s)
    {
        CheckKeys(s);
        var user = SwarmDeployPolicy.User(s, out var owner);
        var secrets = SwarmSecrets.Plan(s, owner);
        var ports = SwarmPorts.Of(s);
        var (mounts, named, bound) = SwarmVolumes.Of(s);
        ReportReplacements(s);

        var spec = new YMap()
            .Set("image", s.Text("image") is { } image ? s.Resolve(image) : null)
            .Set("entrypoint", Entrypoint(s, secrets.NeedsEntrypoint))
            .Set("command", s.Words("command"))
            .Set("user", user)
            .Set("environment", secrets.Environment.Count > 0 ? secrets.Environment : null)
            .Set("secrets", secrets.Mounts.Count > 0 ? secrets.Mounts : null)
            .Set("ports", ports.Count > 0 ? ports : null)
            .Set("volumes", mounts.Count > 0 ? mounts : null)
            .Set("labels", s.Inputs.MountedFilesHash(s.Node, bound) is { } mounted ? new YMap().Set(MountedFilesLabel, mounted) : null)
            .Set("healthcheck", s.Child("healthcheck") is { } check ? s.Tree(check) : null)
            .Set("stop_grace_period", s.Text("stop_grace_period"))
            .Set("deploy", SwarmDeployPolicy.For(s, publishesOrKeepsData: ports.Count > 0 || named.Count > 0));
        return new StackService(s.StackName, spec, named, secrets.Used);
    }

    /// <summary>The compose entrypoint; when secrets reach an image we build that sets its own, the contract runs first.</summary>
    private static List<object>? Entrypoint(ServiceSource s, bool needsContract)
    {
        var words = s.Child("entrypoint") is YamlScalarNode { Value: { } shell } ? ["/bin/sh", "-c", s.Resolve(shell)] : s.Words("entrypoint");
        return needsContract && words is not null ? [SwarmSecrets.Entrypoint, .. words] : words;
    }

    private static void CheckKeys(ServiceSource s)
    {
        foreach (var key in s.Body.Children.Keys.OfType<YamlScalarNode>())
        {
            var name = key.Value ?? "";
            if (Carried.Contains(name) || Replaced.Contains(name)) continue;
            s.Report(key, name, $"{name} is not rendered for a Swarm stack",
                Refused.TryGetValue(name, out var why) ? why : "remove it, or keep this environment on engine: compose until the Swarm render carries it");
        }
    }

    private static void ReportReplacements(ServiceSource s)
    {
        if (s.Child("depends_on") is { } dependsOn)
        {
            var on = dependsOn switch
            {
                YamlMappingNode map => map.Children.Keys.OfType<YamlScalarNode>().Select(k => k.Value),
                YamlSequenceNode seq => seq.OfType<YamlScalarNode>().Select(k => k.Value),
                _ => [],
            };
            s.Report(dependsOn, "depends_on",
                $"depends_on is not a Swarm setting: {s.ComposeName} starts without waiting for {string.Join(", ", on)}, and its restart policy starts it again until they answer",
                "nothing to do; the note says what changed", DiagnosticSeverity.Note);
        }
        if (s.Child("runtime") is YamlScalarNode runtime && s.Resolve(runtime.Value ?? "") is var value && value is not ("" or "runc"))
            s.Report(runtime, "runtime",
                $"runtime: {value} is not a Swarm setting: the node's dockerd must run it by default (daemon.json \"default-runtime\": \"{value}\")",
                $"set the default runtime of {s.Node.Name}'s dockerd to {value} before deploying the stack", DiagnosticSeverity.Warning);
    }
}
