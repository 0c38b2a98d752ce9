using Ktrdr.Deploy.Remote;
using Ktrdr.Deploy.Topology;

namespace Ktrdr.Deploy.Rollout.Nodes;

/// <summary>Where to reach a node: its runtime address (the lab's) or host, its SSH user, key and known_hosts as real paths.</summary>
public static class NodeTargets
{
    /// <summary>
    /// The node's SSH target. Key and known_hosts paths starting with <c>~/</c> are under <paramref name="home"/>;
    /// relative ones under the repository root (the lab writes its own under .artifacts/lab/).
    /// </summary>
    public static SshTarget For(NodeSpec node, string root, string home) => new(
        node.Name, node.Address ?? node.Host, node.Ssh.Port, node.Ssh.User,
        Resolve(node.Ssh.IdentityFile, root, home), Resolve(node.Ssh.KnownHostsFile, root, home));

    public static string Resolve(string path, string root, string home) =>
        path == "~" ? home
        : path.StartsWith("~/", StringComparison.Ordinal) ? Path.Combine(home, path[2..])
        : Path.GetFullPath(Path.Combine(root, path));
}
