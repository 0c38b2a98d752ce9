using System.Collections.Concurrent;
using Ktrdr.Deploy.Remote;
using Ktrdr.Deploy.Remote.Local;
using Ktrdr.Deploy.Remote.Ssh;
using Ktrdr.Deploy.Rollout.Nodes;
using Ktrdr.Deploy.Topology;

namespace Ktrdr.Deploy.Rollout.Orchestration;

/// <summary>
/// One connection per node for the whole run, opened on first use and reused by every target: SSH with the host key
/// checked against known_hosts, or this machine's own processes for a node that is this machine (the local environment).
/// </summary>
public sealed class NodeConnections(string rootDirectory) : INodeConnections
{
    private readonly ConcurrentDictionary<string, Lazy<Task<ICommandExecutor>>> _open = new(StringComparer.Ordinal);

    public Task<ICommandExecutor> ConnectAsync(NodeSpec node, CancellationToken ct) =>
        _open.GetOrAdd(node.Name, _ => new Lazy<Task<ICommandExecutor>>(async () =>
        {
            if (NodeTargets.IsThisMachine(node))
                return await NodeProgress.StepAsync<ICommandExecutor>(node.Name, "connect", () =>
                    Task.FromResult<(ICommandExecutor, string)>((new LocalExecutor(node.Name), $"this machine ({node.Host}): no SSH, commands run here as {System.Environment.UserName}")));
            var home = System.Environment.GetFolderPath(System.Environment.SpecialFolder.UserProfile);
            return await NodeProgress.StepAsync<ICommandExecutor>(node.Name, "connect", async () =>
            {
                var target = NodeTargets.For(node, rootDirectory, home);
                return (await SshExecutor.ConnectAsync(target, ct), $"{target.User}@{target.Host}:{target.Port}, host key matches {Path.GetFileName(target.KnownHostsFile)}");
            });
        })).Value;
}
