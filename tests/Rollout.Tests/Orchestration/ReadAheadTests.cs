using Ktrdr.Deploy.Commands.Drift;
using Ktrdr.Deploy.Rendering.Bundles;
using Ktrdr.Deploy.Rollout.Deploy;
using Ktrdr.Deploy.Rollout.Orchestration;
using Ktrdr.Deploy.Secrets;
using Ktrdr.Deploy.Topology;
using Rollout.Tests.Support;

namespace Rollout.Tests.Orchestration;

/// <summary>
/// The run's first deploy target reads the nodes of its later planned targets ahead, all at once; a later target decides
/// from that read only while nothing changed since, and a target run alone (or for one node) reads exactly its nodes.
/// </summary>
public class ReadAheadTests : IDisposable
{
    private const string Hash = "3f2a9c01d4e5f60718293a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d";
    private const string Tag = "sha-7c8143b";
    private readonly string _artifacts = Directory.CreateTempSubdirectory("ktrdr-read-ahead-").FullName;
    private readonly EnvironmentTopology _lab = Nodes.Lab();
    private readonly InMemoryConnections _connections = new();

    public ReadAheadTests() => _connections.Node("core").On("if mkdir", "acquired\n");

    public void Dispose() => Directory.Delete(_artifacts, recursive: true);

    private static readonly string[] AllTargets = ["DeployCore", "DeployWorkers", "DeployGpu"];

    private static DeployOptions Options(params string[] planned) =>
        new([], Force: false, DryRun: false, TimeSpan.FromSeconds(5), 1, TimeSpan.FromSeconds(5)) { PlannedTargets = planned };

    /// <summary>A rendered bundle of <paramref name="node"/> without services, and (when deployed) the node holding it with its stamp.</summary>
    private void Rendered(string node, bool deployed = true)
    {
        var spec = _lab.FindNode(node)!;
        var directory = Path.Combine(_artifacts, "render", "lab", node);
        Directory.CreateDirectory(directory);
        const string compose = "services: {}\n";
        var files = spec.ComposeFiles.Select(f => Path.GetFileName(f)).ToList();
        foreach (var file in files) File.WriteAllText(Path.Combine(directory, file), compose);
        var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(compose)));
        File.WriteAllText(Path.Combine(directory, BundleManifest.FileName),
            new BundleManifest("lab", node, Tag, Hash, [.. files.Select(f => new BundleManifestFile(f, sha, compose.Length))]).ToJson());
        if (deployed)
            _connections.Node(node).Holds(directory, NodeFactsCommand.StampFile, new DeployStamp(Hash, new Dictionary<string, string>(), []) { Tag = Tag }.ToJson());
    }

    private void RenderedAll(bool coreDeployed = true)
    {
        Rendered("core", coreDeployed);
        foreach (var node in new[] { "workers-b", "workers-c", "gpu" }) Rendered(node);
    }

    private int Reads(string node) => _connections.Node(node).Ran.Count(c => c.Description == $"read what runs on {node}");

    private async Task Run(OperationScope scope, DeployOptions options, params NodeRole[] roles)
    {
        foreach (var role in roles) await DeployOperation.DeployRoleAsync(scope, role, options, CancellationToken.None);
    }

    [Fact]
    public async Task The_first_target_reads_every_planned_node_once_and_the_later_targets_decide_from_those_reads()
    {
        RenderedAll();
        var scope = NoOutsideWorld.Scope(_lab, _connections, _artifacts);

        await DeployOperation.DeployRoleAsync(scope, NodeRole.Core, Options(AllTargets), CancellationToken.None);
        await Task.WhenAll(new[] { "workers-b", "workers-c", "gpu" }.Select(WaitForRead));
        await Run(scope, Options(AllTargets), NodeRole.Workers, NodeRole.Gpu);

        foreach (var node in new[] { "core", "workers-b", "workers-c", "gpu" }) Assert.Equal(1, Reads(node));
    }

    [Fact]
    public async Task A_target_run_alone_for_one_node_reads_that_node_and_no_other()
    {
        RenderedAll();
        var scope = NoOutsideWorld.Scope(_lab, _connections, _artifacts);

        await DeployOperation.DeployRoleAsync(scope, NodeRole.Workers, Options("DeployWorkers") with { TargetNodes = ["workers-b"] }, CancellationToken.None);

        Assert.Equal(1, Reads("workers-b"));
        Assert.All(new[] { "core", "workers-c", "gpu" }, n => Assert.Equal(0, Reads(n)));
    }

    [Fact]
    public async Task Only_the_later_planned_targets_are_read_ahead()
    {
        RenderedAll();
        var scope = NoOutsideWorld.Scope(_lab, _connections, _artifacts);

        await DeployOperation.DeployRoleAsync(scope, NodeRole.Core, Options("DeployCore", "DeployGpu"), CancellationToken.None);
        await WaitForRead("gpu");
        await Run(scope, Options("DeployCore", "DeployGpu"), NodeRole.Gpu);

        Assert.Equal((1, 0, 0, 1), (Reads("core"), Reads("workers-b"), Reads("workers-c"), Reads("gpu")));
    }

    [Fact]
    public async Task A_node_about_to_change_makes_the_later_targets_read_their_nodes_again()
    {
        RenderedAll(coreDeployed: false);   // core needs deploying; its pre-flight (no answer here) stops DeployCore
        var scope = NoOutsideWorld.Scope(_lab, _connections, _artifacts);

        await Assert.ThrowsAnyAsync<Exception>(() => DeployOperation.DeployRoleAsync(scope, NodeRole.Core, Options(AllTargets), CancellationToken.None));
        await Run(scope, Options(AllTargets), NodeRole.Workers, NodeRole.Gpu);

        // each later node: its read ahead (dropped when core was about to change) and its own read now
        foreach (var node in new[] { "workers-b", "workers-c", "gpu" })
        {
            await WaitFor(() => Reads(node) >= 2);
            Assert.Equal(2, Reads(node));
        }
    }

    [Fact]
    public async Task Each_deploy_of_every_role_reads_every_node_once_also_when_one_process_runs_two()
    {
        RenderedAll();
        var scope = NoOutsideWorld.Scope(_lab, _connections, _artifacts);

        await DeployOperation.DeployAllAsync(scope, Options(), CancellationToken.None);
        await DeployOperation.DeployAllAsync(scope, Options(), CancellationToken.None);   // the benchmark's no-op line

        foreach (var node in new[] { "core", "workers-b", "workers-c", "gpu" }) Assert.Equal(2, Reads(node));
    }

    [Fact]
    public void A_read_ahead_serves_only_the_same_wish_and_only_while_fresh()
    {
        var node = _lab.FindNode("workers-b")!;
        var bundle = new NodeBundle(_artifacts, Hash, new Dictionary<string, string>(), []);
        var wish = DeployRequests.For(node, NodeRole.Workers, bundle, new Dictionary<string, string> { ["KTRDR_IMAGE"] = "r/ktrdr@sha256:aa" },
            SecretSet.Empty, null, Tag, Options());
        var start = new DateTimeOffset(2026, 12, 7, 16, 0, 0, TimeSpan.Zero);
        var ahead = new ReadAhead(wish, start, Task.FromResult<NodeRead>(null!));

        Assert.True(ahead.UsableFor(wish, start + TimeSpan.FromSeconds(2)));
        Assert.False(ahead.UsableFor(wish, start + ReadAhead.MaxAge + TimeSpan.FromSeconds(1)));
        Assert.False(ahead.UsableFor(wish with { Force = true }, start));
        Assert.False(ahead.UsableFor(wish with { Desired = wish.Desired with { Images = new Dictionary<string, string> { ["KTRDR_IMAGE"] = "r/ktrdr@sha256:bb" } } }, start));
        Assert.False(ahead.UsableFor(wish with { Desired = wish.Desired with { BundleHash = "other" } }, start));
        Assert.False(ahead.UsableFor(wish with { Node = _lab.FindNode("workers-c")! }, start));
    }

    [Fact]
    public async Task A_stale_read_ahead_is_read_again()
    {
        RenderedAll();
        var clock = new ManualClock { Now = DateTimeOffset.UtcNow };
        var scope = NoOutsideWorld.Scope(_lab, _connections, _artifacts) with { States = new StateReads(clock) };

        await DeployOperation.DeployRoleAsync(scope, NodeRole.Core, Options(AllTargets), CancellationToken.None);
        await WaitForRead("workers-b");
        clock.Now += ReadAhead.MaxAge + TimeSpan.FromSeconds(1);
        await Run(scope, Options(AllTargets), NodeRole.Workers);

        Assert.Equal(2, Reads("workers-b"));
    }

    /// <summary>A read-ahead runs in the background: wait for its command to have been sent, not for a fixed time.</summary>
    private Task WaitForRead(string node) => WaitFor(() => Reads(node) > 0);

    private static async Task WaitFor(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!condition()) await Task.Delay(5, timeout.Token);
    }

    private sealed class ManualClock : TimeProvider
    {
        public DateTimeOffset Now { get; set; }

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
