using System.Text;
using Ktrdr.Deploy.Rollout.Deploy;
using Ktrdr.Deploy.Rollout.Drift;
using Rollout.Tests.Support;

namespace Rollout.Tests.Drift;

/// <summary>How many round trips a read costs, and when compose is asked to hash the files (the dear part on compose v1).</summary>
public class DriftCheckReadTests
{
    private static readonly IReadOnlyDictionary<string, string> Secrets = new Dictionary<string, string> { ["DB_PASSWORD"] = "hunter2" };

    private const string Container =
        "{\"imageId\":\"sha256:imageid\",\"id\":\"c1\",\"name\":\"/ktrdr_worker-1_1\",\"created\":\"2026-12-01T00:00:00Z\"," +
        "\"image\":\"registry.lab:5000/ktrdr:sha-1\",\"service\":\"worker-1\",\"configHash\":\"c0ffee\"," +
        "\"state\":{\"Status\":\"running\",\"ExitCode\":0,\"StartedAt\":\"2026-12-01T00:00:01Z\",\"Health\":{\"Status\":\"healthy\"}}}";

    /// <summary>A node that holds the bundle and one container; compose (when asked) computes <paramref name="composeSays"/>.</summary>
    private static InMemoryNode Node(string stamp, string composeSays = "worker-1 c0ffee") =>
        new InMemoryNode("workers-b").On("echo @@files", command =>
        {
            var files = string.Join('\n', DriftFacts.Texts.Select(t => $"{DriftFacts.Sha(t.Value)}  ./{t.Key}"));
            var hashes = command.Script.Contains("config --hash", StringComparison.Ordinal) ? $"@@hashes\n{composeSays}\n" : "@@hash-skipped\n";
            var output = $"@@files\n{files}\n@@stamp\n{Convert.ToBase64String(Encoding.UTF8.GetBytes(stamp))}\n@@manifest\n@@texts\n{hashes}" +
                         $"@@containers\n{Container}\n@@images\nsha256:imageid registry.lab:5000/ktrdr@{DriftFacts.Digest}\n@@end\n";
            return new Ktrdr.Deploy.Remote.CommandResult(0, output, "", TimeSpan.Zero);
        });

    private static string Stamp(IReadOnlyDictionary<string, string> secrets, string recorded = "c0ffee") =>
        new DeployStamp("b1", new Dictionary<string, string>(), ["worker-1"])
        {
            ConfigHashes = new Dictionary<string, string> { ["worker-1"] = recorded }, SecretsDigest = SecretsDigest.Create(secrets),
        }.ToJson();

    private static Task<(Ktrdr.Deploy.Commands.Drift.NodeFacts Facts, NodeDrift Drift)> ReadAsync(InMemoryNode node) =>
        DriftCheck.ReadAsync(node, new DriftRequest(Nodes.Node(), DriftFacts.Bundle(), Secrets), default);

    [Fact]
    public async Task A_node_as_its_deploy_left_it_is_read_in_one_round_trip_without_compose_hashing_and_is_in_sync()
    {
        var node = Node(Stamp(Secrets));

        var (facts, drift) = await ReadAsync(node);

        Assert.Single(node.Ran);
        Assert.DoesNotContain("config --hash", node.Ran[0].Script);
        Assert.Equal("c0ffee", facts.ConfigHashes!["worker-1"]);
        Assert.DoesNotContain(drift.Findings, f => f.Area == DriftArea.Container);
    }

    [Fact]
    public async Task After_a_secret_rotation_compose_hashes_the_files_and_the_container_shows_as_running_another_configuration()
    {
        var node = Node(Stamp(new Dictionary<string, string> { ["DB_PASSWORD"] = "before rotation" }), composeSays: "worker-1 beef00");

        var (_, drift) = await ReadAsync(node);

        Assert.Equal(2, node.Ran.Count);
        Assert.Contains("config --hash", node.Ran[1].Script);
        Assert.Contains(drift.Findings, f => f.Area == DriftArea.Container && f.What.Contains("runs another configuration", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_stamp_written_before_the_record_existed_costs_the_second_read_as_every_read_did_before()
    {
        var node = Node("{\"bundleHash\":\"b1\",\"images\":{},\"services\":[\"worker-1\"]}");

        var (facts, _) = await ReadAsync(node);

        Assert.Equal(2, node.Ran.Count);
        Assert.Equal("c0ffee", facts.ConfigHashes!["worker-1"]);
    }
}
