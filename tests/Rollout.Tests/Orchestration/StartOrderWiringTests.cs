using System.Collections.Concurrent;
using Ktrdr.Deploy.Remote;
using Ktrdr.Deploy.Rollout;
using Ktrdr.Deploy.Rollout.Orchestration;
using Rollout.Tests.Support;

namespace Rollout.Tests.Orchestration;

/// <summary>
/// The start order as the deploy wires it (<see cref="StartOrder"/> decides it; <see cref="NodeDeploys"/> and its changed nodes
/// keep it), against in-memory nodes: a fresh worker node starts its containers once core's are started, without waiting for
/// core's health; a core that fails first leaves the waiting node's containers untouched. The worker is listed first, so a
/// deploy that did not wait would start it first.
/// </summary>
public class StartOrderWiringTests : IDisposable
{
    private readonly string _artifacts = Directory.CreateTempSubdirectory("ktrdr-start-order-").FullName;
    private readonly InMemoryConnections _connections = new();
    private readonly ConcurrentQueue<string> _events = new();
    private readonly LabRequests _requests;

    private const string Ready = "uid=0\nuser=root\ndocker=ok\ndocker_version=27.0.1\ncompose=v2\ncompose_version=2.29.0\n" +
                                 "deploy_dir_exists=yes\ndeploy_dir_writable=yes\ndeploy_parent_writable=yes\nfree_kb=50000000\n";

    public StartOrderWiringTests()
    {
        _requests = new LabRequests(Nodes.Lab(), _artifacts);
        foreach (var name in new[] { "core", "workers-b" })
        {
            var node = _connections.Node(name);
            node.TakesUploads = true;
            node.On("docker version", Ready);
        }
    }

    public void Dispose() => Directory.Delete(_artifacts, recursive: true);

    private static CommandResult Ok(string output = "") => new(0, output, "", TimeSpan.Zero);

    /// <summary>One running container of <paramref name="service"/> as the container listing prints it.</summary>
    private static string Running(string service) =>
        $"{{\"id\":\"{service}-0123456789ab\",\"name\":\"/ktrdr_{service}_1\",\"created\":\"2026-12-01T00:00:00Z\",\"image\":\"busybox:1\"," +
        $"\"service\":\"{service}\",\"configHash\":\"abc\",\"state\":{{\"ExitCode\":0,\"StartedAt\":\"2026-12-01T00:00:01Z\",\"Status\":\"running\"}}}}\n";

    /// <summary>The node records its <c>up</c> in the shared order of events, and lists its container once it is up.</summary>
    private void Starts(string name, Func<bool>? listsContainerWhen = null)
    {
        var up = false;
        _connections.Node(name)
            .On("up -d", _ => { up = true; _events.Enqueue($"{name} up"); return Ok(); })
            .On("|| exec docker inspect", _ => Ok(up && (listsContainerWhen?.Invoke() ?? true) ? Running(name == "core" ? "backend" : "worker") : ""));
    }

    [Fact]
    public async Task A_fresh_worker_node_starts_once_core_started_its_containers_while_core_still_waits_for_its_health()
    {
        // core's backend is listed only once the worker node has started: a worker that waited for core's health would wait forever
        Starts("core", listsContainerWhen: () => _events.Contains("workers-b up"));
        Starts("workers-b");

        await NodeDeploys.RunAsync(_connections, [_requests.For("workers-b"), _requests.For("core")], CancellationToken.None);

        Assert.Equal(["core up", "workers-b up"], _events);
        Assert.All(new[] { "core", "workers-b" }, n => Assert.True(_connections.Node(n).Files.Keys.Any(f => f.EndsWith(Ktrdr.Deploy.Commands.Drift.NodeFactsCommand.StampFile, StringComparison.Ordinal)),
            $"{n} has its stamp"));
    }

    [Fact]
    public async Task A_core_that_fails_before_it_starts_leaves_the_waiting_worker_node_without_any_container_started()
    {
        _connections.Node("core").On("up -d", "port 5432 is already allocated", exitCode: 1);
        Starts("workers-b");

        var error = await Assert.ThrowsAsync<RolloutException>(() =>
            NodeDeploys.RunAsync(_connections, [_requests.For("workers-b"), _requests.For("core")], CancellationToken.None));

        Assert.Empty(_events);
        Assert.StartsWith("2 of 2 node(s) failed;", error.Message);
        Assert.Contains("workers-b at wait: core failed at up before this node started anything", error.Message);
        Assert.False(_connections.Node("workers-b").RanScript("up -d"));
    }
}
