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

    /// <summary>A node that is this machine (the local environment): reached without SSH, running what is built here.</summary>
    public static bool IsThisMachine(NodeSpec node) =>
        node.Address is null && node.Host is "localhost" or "127.0.0.1" or "::1";

    public static string Resolve(string path, string root, string home) =>
        path == "~" ? home
        : path.StartsWith("~/", StringComparison.Ordinal) ? Path.Combine(home, path[2..])
        : Path.GetFullPath(Path.Combine(root, path));
}
