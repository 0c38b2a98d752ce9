using System.Collections.Concurrent;
using Ktrdr.Deploy.Rollout.Deploy;
using Ktrdr.Deploy.Topology;

namespace Ktrdr.Deploy.Rollout.Orchestration;

/// <summary>
/// The node states of one run. The first deploy target of a run that plans several (<c>./build.sh</c>,
/// <c>DeployCore DeployWorkers DeployGpu</c>) reads, beside its own nodes and under its lock, the nodes of every later
/// planned role too: all connections opened and all states read at once, in parallel. A later target decides from its
/// read-ahead only while nothing was deployed since (<see cref="Forget"/>: a node changed, or the lock had to be waited
/// for), for the same wish, and while it is fresh (<see cref="ReadAhead.UsableFor"/>); otherwise, or when the read-ahead
/// failed, it reads the node itself, as a run of that target alone does.
/// </summary>
public sealed class StateReads(TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, ReadAhead> _ahead = new(StringComparer.Ordinal);
    private readonly HashSet<NodeRole> _claimed = [];

    public StateReads() : this(TimeProvider.System)
    {
    }

    /// <summary>True the first time a role is claimed in this run: its nodes are read ahead once at most.</summary>
    public bool Claim(NodeRole role)
    {
        lock (_claimed) return _claimed.Add(role);
    }

    /// <summary>
    /// Opens the connections of these nodes now (before the lock: a connection reads and changes nothing), so the SSH
    /// handshakes overlap; a node that cannot be reached fails where its state is read, as before.
    /// </summary>
    public static void Open(INodeConnections connections, IEnumerable<NodeDeployRequest> requests, CancellationToken ct)
    {
        foreach (var request in requests)
            _ = connections.ConnectAsync(request.Node, ct).ContinueWith(t => t.Exception, CancellationToken.None,
                TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    /// <summary>Starts reading these nodes now, for a later target of the run (not awaited here; a failure stays with the node).</summary>
    public void Start(INodeConnections connections, IEnumerable<NodeDeployRequest> requests, CancellationToken ct)
    {
        foreach (var request in requests)
            _ahead[request.Node.Name] = new ReadAhead(request, clock.GetUtcNow(), Task.Run(() => ReadNowAsync(connections, request, ct), ct));
    }

    /// <summary>The node's state: its read-ahead when usable and read without failure, else read now.</summary>
    public async Task<NodeRead> ReadAsync(INodeConnections connections, NodeDeployRequest request, CancellationToken ct)
    {
        if (_ahead.TryRemove(request.Node.Name, out var ahead) && ahead.UsableFor(request, clock.GetUtcNow()))
        {
            try
            {
                return await ahead.Read;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // read again below: the node's own failure is reported from its own read
            }
        }
        return await ReadNowAsync(connections, request, ct);
    }

    /// <summary>Drops every read-ahead: something changed since they were read (a node deployed, another run held the lock).</summary>
    public void Forget() => _ahead.Clear();

    private static async Task<NodeRead> ReadNowAsync(INodeConnections connections, NodeDeployRequest request, CancellationToken ct)
    {
        var connection = await connections.ConnectAsync(request.Node, ct);
        var (before, decision) = await NodeDeployer.DecideAsync(connection, request, ct);
        return new NodeRead(connection, before, decision);
    }
}
