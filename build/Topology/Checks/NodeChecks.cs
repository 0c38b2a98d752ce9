using Ktrdr.Deploy.Topology.Reading;

namespace Ktrdr.Deploy.Topology.Checks;

/// <summary>Rules about the set of nodes: roles, host names, deploy directories.</summary>
internal static class NodeChecks
{
    public static void Run(EnvironmentTopology topology, ReadContext context)
    {
        CheckRoles(topology, context);
        CheckHosts(topology, context);
        CheckDeployDirectories(topology, context);
        foreach (var node in topology.Nodes.Where(n => n.ComposeFiles.Count == 0 && !context.Failed(Field(n, "compose_files"))))
            context.Report(Field(node, "compose_files"), "expected at least one compose file, found none",
                "list the compose files this node runs, e.g. compose_files: [docker-compose.workers.yml]");
    }

    /// <summary>
    /// Exactly one core node. Every other node must run workers (role workers or gpu), so an environment of
    /// several nodes has at least one of them; a single core node alone is allowed: that is the single-host
    /// developer stack (local), whose one compose file runs backend and workers together.
    /// </summary>
    private static void CheckRoles(EnvironmentTopology topology, ReadContext context)
    {
        if (!AllNodesRead(context) || topology.Nodes.Any(n => context.Failed(Field(n, "role"))))
            return;   // a node that could not be read would make any count misleading
        var cores = topology.NodesWithRole(NodeRole.Core).ToList();
        if (cores.Count == 0)
            context.Report("nodes", "expected exactly one node with role: core, found none",
                "give the node that runs the backend and the database `role: core`");
        foreach (var extra in cores.Skip(1))
            context.Report(Field(extra, "role"),
                $"expected exactly one node with role: core, found {cores.Count} ({string.Join(", ", cores.Select(c => c.Name))})",
                "keep one core node; nodes that run workers have role: workers or role: gpu");
        if (topology.Nodes.Count > 1 && topology.Nodes.All(n => n.Role == NodeRole.Core))
            context.Report("nodes", $"expected at least one node with role: workers or gpu among {topology.Nodes.Count} nodes, found none",
                "an environment of several nodes runs its workers on nodes of role workers or gpu; only a single-node environment may hold just the core");
    }

    /// <summary>False when the nodes section, or one of its entries as a whole, could not be read.</summary>
    private static bool AllNodesRead(ReadContext context) =>
        !context.Diagnostics.Items.Any(d => d.Field == "nodes" || (d.Field.StartsWith("nodes.", StringComparison.Ordinal) && d.Field.Count(c => c == '.') == 1));

    private static void CheckHosts(EnvironmentTopology topology, ReadContext context)
    {
        DuplicateValues.Report(context, topology.Nodes.Select(n => (Field(n, "host"), n.Name, n.Host)), "host",
            "give each node its own DNS name; two nodes on one host would overwrite each other's stacks");
        if (context.Failed("domain")) return;
        foreach (var node in topology.Nodes.Where(n => !context.Failed(Field(n, "host")) && !InDomain(n.Host, topology.Domain)))
            context.Report(Field(node, "host"),
                $"expected a host name ending in .{topology.Domain} (or an IP address), found \"{node.Host}\"",
                $"use the node's DNS name in {topology.Domain}: other nodes reach it by that name");
    }

    private static bool InDomain(string host, string domain) =>
        ValueRules.IsIpAddress(host) || host == domain || host.EndsWith("." + domain, StringComparison.Ordinal);

    private static void CheckDeployDirectories(EnvironmentTopology topology, ReadContext context)
    {
        // Only nodes on one host can overwrite each other's directory; different hosts may use the same path.
        DuplicateValues.Report(context, topology.Nodes.Select(n => (Field(n, "deploy_dir"), n.Name, $"{n.Host}:{n.DeployDirectory.TrimEnd('/')}")),
            "deploy_dir on one host", "give each node on a host its own directory, e.g. /opt/ktrdr-<node name>");
        foreach (var node in topology.Nodes.Where(n => !context.Failed(Field(n, "deploy_dir")) && !IsDurable(n.DeployDirectory)))
            context.Report(Field(node, "deploy_dir"),
                $"expected a dedicated directory that survives a reboot, found \"{node.DeployDirectory}\"",
                $"use a directory of its own such as /opt/ktrdr-{node.Name}; / is the whole disk and /tmp is emptied at reboot");
    }

    private static bool IsDurable(string path)
    {
        var trimmed = path.TrimEnd('/');
        return trimmed.Length > 0 && trimmed != "/tmp" && !trimmed.StartsWith("/tmp/", StringComparison.Ordinal);
    }

    private static string Field(NodeSpec node, string key) => $"nodes.{node.Name}.{key}";
}
