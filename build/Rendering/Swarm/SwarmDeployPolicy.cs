using Ktrdr.Deploy.Topology;
using Ktrdr.Deploy.Topology.Text;
using YamlDotNet.RepresentationModel;

namespace Ktrdr.Deploy.Rendering.Swarm;

/// <summary>
/// A service's <c>deploy:</c> section: one replica placed on its node (by the node label), <c>restart</c> as a restart
/// policy, and updates that Swarm itself rolls back when the new task is not healthy.
/// </summary>
internal static class SwarmDeployPolicy
{
    /// <summary>How long Swarm watches a task when no healthcheck decides: the task must at least stay up that long.</summary>
    public static readonly TimeSpan MonitorWithoutHealthcheck = TimeSpan.FromSeconds(30);

    public static YMap For(ServiceSource s, bool publishesOrKeepsData)
    {
        var monitor = $"{(int)Monitor(s).TotalSeconds}s";
        // Two copies of a service cannot bind the same host port, and two databases must never share a data directory.
        var order = publishesOrKeepsData ? "stop-first" : "start-first";
        var deploy = new YMap()
            .Set("mode", "replicated")
            .Set("replicas", Plain.Of(1))
            // every port is published in host mode, so nothing needs a virtual IP: names resolve to the task itself, and
            // no service depends on IPVS, which the lab's kernel (and many LXC hosts) do not offer (docs/swarm.md)
            .Set("endpoint_mode", "dnsrr")
            .Set("placement", new YMap().Set("constraints", new List<object> { SwarmNames.PlacedOn(s.Node) }));
        // no generic-resource reservation for the GPU: the node label already pins the worker to the gpu node, and Swarm's
        // constraint enforcer rejects a task that reserves all of a node's units ("assigned node no longer meets
        // constraints", docker/cli#1805; seen on the lab with gpu=1): see docs/swarm.md
        return deploy
            .Set("restart_policy", new YMap().Set("condition", RestartCondition(s)).Set("delay", "5s"))
            .Set("update_config", new YMap().Set("parallelism", Plain.Of(1)).Set("delay", "0s").Set("failure_action", "rollback")
                .Set("monitor", monitor).Set("max_failure_ratio", Plain.Of(0)).Set("order", order))
            .Set("rollback_config", new YMap().Set("parallelism", Plain.Of(1)).Set("failure_action", "pause")
                .Set("monitor", monitor).Set("order", order));
    }

    /// <summary>
    /// Longer than the healthcheck can take to call a new task unhealthy: start_period + retries × interval, plus one
    /// timeout for the last probe. Swarm's default (5 s) would call an update good before its first probe ran.
    /// </summary>
    public static TimeSpan Monitor(ServiceSource s)
    {
        if (s.Child("healthcheck") is not YamlMappingNode check || Text(check, "disable") == "true") return MonitorWithoutHealthcheck;
        var interval = Duration(check, "interval", TimeSpan.FromSeconds(30));
        var timeout = Duration(check, "timeout", TimeSpan.FromSeconds(30));
        var start = Duration(check, "start_period", TimeSpan.Zero);
        var retries = int.TryParse(Text(check, "retries"), out var r) ? r : 3;
        return start + retries * interval + timeout;
    }

    /// <summary>compose <c>restart</c> → Swarm's restart condition. With no <c>restart</c>, Swarm's own default: any.</summary>
    private static string RestartCondition(ServiceSource s)
    {
        var restart = s.Text("restart");
        switch (restart)
        {
            case null or "always" or "unless-stopped": return "any";
            case "no": return "none";
            case var r when r.StartsWith("on-failure", StringComparison.Ordinal): return "on-failure";
            default:
                s.Report(s.Child("restart"), "restart", $"expected no, always, on-failure or unless-stopped, found \"{restart}\"", "use a restart value compose knows");
                return "any";
        }
    }

    /// <summary><c>user: "999:999"</c> with <c>group_add: ["1500"]</c> → <c>999:1500</c>: Swarm has no supplementary groups.</summary>
    public static string? User(ServiceSource s, out (string Uid, string Gid)? owner)
    {
        var user = s.Text("user") is { } u ? s.Resolve(u) : null;
        var groups = s.Child("group_add") is YamlSequenceNode seq ? seq.OfType<YamlScalarNode>().Select(g => s.Resolve(g.Value ?? "")).ToList() : [];
        var uid = user?.Split(':')[0];
        var gid = user?.Split(':') is { Length: 2 } p ? p[1] : null;
        if (groups.Count > 0)
        {
            if (uid is null || groups.Count > 1)
                s.Report(s.Child("group_add"), "group_add", uid is null
                        ? "group_add without user: Swarm has no supplementary groups, and the render cannot make the group primary without a user"
                        : $"{groups.Count} supplementary groups: Swarm has none, and only one group can become the primary group",
                    "give the service `user: \"<uid>:<gid>\"` and at most one group_add entry");
            else
            {
                s.Report(s.Child("group_add"), "group_add",
                    $"group_add is not a Swarm setting: group {groups[0]} becomes the primary group (user {uid}:{groups[0]}); files it creates in the setgid shared tree stay in that group",
                    "nothing to do; the note says what changed", DiagnosticSeverity.Note);
                gid = groups[0];
            }
        }
        owner = int.TryParse(uid, out _) && int.TryParse(gid ?? "0", out _) ? (uid!, gid ?? "0") : null;
        return uid is null ? null : gid is null ? uid : $"{uid}:{gid}";
    }

    private static string? Text(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var v) ? (v as YamlScalarNode)?.Value : null;

    private static TimeSpan Duration(YamlMappingNode map, string key, TimeSpan fallback) => PromDuration.Parse(Text(map, key)) ?? fallback;
}
