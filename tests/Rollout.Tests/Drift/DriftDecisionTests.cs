using Ktrdr.Deploy.Commands.Compose;
using Ktrdr.Deploy.Remote.Local;
using Ktrdr.Deploy.Rollout.Deploy;
using Ktrdr.Deploy.Rollout.Drift;
using Ktrdr.Deploy.Rollout.Status;
using static Rollout.Tests.Drift.DriftFacts;

namespace Rollout.Tests.Drift;

/// <summary>The deploy decides from the node's real state; Status shows the same drift; a drifted copy is kept beside .previous.</summary>
public class DriftDecisionTests
{
    private static readonly DeployStamp Stamp = new("b1", new Dictionary<string, string> { ["KTRDR_IMAGE"] = Image + "@" + Digest }, ["worker-1"]);
    private static readonly ContainerStatus[] Running = [Container().Status];

    [Fact]
    public void A_node_whose_stamp_matches_but_whose_compose_file_was_edited_is_deployed_with_that_reason()
    {
        var drift = DriftComparison.Compare(Bundle(), Node(files: FilesWith("docker-compose.workers.yml", "edited")));

        var decision = DeployDecision.Decide(Stamp, Stamp with { Services = [] }, Running, force: false, drift);

        Assert.True(decision.Deploy);
        Assert.Equal("changed: docker-compose.workers.yml differs on the node", decision.Reason);
        Assert.True(decision.Drift!.FilesDiffer);
    }

    [Fact]
    public void Unchanged_only_when_the_node_equals_the_bundle()
    {
        var decision = DeployDecision.Decide(Stamp, Stamp with { Services = [] }, Running, force: false, DriftComparison.Compare(Bundle(), Node()));

        Assert.False(decision.Deploy);
        Assert.StartsWith("same bundle", decision.Reason);
    }

    [Fact]
    public void A_new_bundle_keeps_its_own_reason_and_carries_the_drift()
    {
        var drift = DriftComparison.Compare(Bundle(), Node(files: FilesWith(".env", "x")));

        var decision = DeployDecision.Decide(Stamp, Stamp with { BundleHash = "b2", Services = [] }, Running, force: false, drift);

        Assert.StartsWith("bundle b1 → b2", decision.Reason);
        Assert.Same(drift, decision.Drift);
    }

    [Fact]
    public void Status_compares_a_node_with_what_its_last_deploy_left_there()
    {
        var manifest = "{\"environment\":\"lab\",\"node\":\"workers-b\",\"files\":[{\"path\":\".env\",\"sha256\":\"" + Sha(Env) + "\"}]}";
        var files = new Dictionary<string, string> { [".env"] = Sha(Env + "X=1\n"), ["manifest.json"] = Sha(manifest), ["extra.txt"] = Sha("x") };
        var facts = Node(files: files, manifest: manifest, containers: [Container(state: "exited")]) with { ConfigHashes = null };

        var drift = DriftComparison.Compare(BundleFacts.AsDeployed("lab", Support.Nodes.Node(), facts), facts);
        var row = StatusRows.From([new NodeStatus("workers-b", null, null, facts.Statuses) { Drift = drift.Summary }], DateTimeOffset.UtcNow).Single();

        Assert.Equal("drifted: 2 files, 1 container", row.Drift);
    }

    [Fact]
    public async Task The_drifted_copy_is_set_aside_with_previous_kept_the_oldest_copies_pruned_and_an_undo_puts_it_back()
    {
        var root = Directory.CreateTempSubdirectory("drifted-").FullName;
        try
        {
            var deploy = Path.Combine(root, "ktrdr-workers-b");
            Directory.CreateDirectory(deploy);
            Directory.CreateDirectory(deploy + ".previous");
            await File.WriteAllTextAsync(Path.Combine(deploy, "mark"), "drifted");
            await File.WriteAllTextAsync(Path.Combine(deploy + ".previous", "mark"), "last good");
            foreach (var old in new[] { "20260101T000000Z", "20260102T000000Z", "20260103T000000Z" }) Directory.CreateDirectory($"{deploy}.drifted-{old}");
            var node = Support.Nodes.Node() with { DeployDirectory = deploy };
            var local = new LocalExecutor();

            var result = await local.RunAsync(DriftedCopy.SetAside(node, elevate: false), default);

            Assert.True(result.Succeeded, result.StandardError);
            var copy = result.StandardOutput.Trim();
            Assert.Equal("drifted", await File.ReadAllTextAsync(Path.Combine(copy, "mark")));
            Assert.Equal("last good", await File.ReadAllTextAsync(Path.Combine(deploy, "mark")));   // the upload's swap moves it back to .previous
            Assert.Equal([copy, $"{deploy}.drifted-20260103T000000Z", $"{deploy}.drifted-20260102T000000Z"],
                Directory.GetDirectories(root, "ktrdr-workers-b.drifted-*").OrderDescending(StringComparer.Ordinal));

            Assert.True((await local.RunAsync(DriftedCopy.Undo(node, copy, elevate: false), default)).Succeeded);
            Assert.Equal("drifted", await File.ReadAllTextAsync(Path.Combine(deploy, "mark")));
            Assert.Equal("last good", await File.ReadAllTextAsync(Path.Combine(deploy + ".previous", "mark")));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public async Task Restoring_the_same_bundle_keeps_the_stamp_so_a_run_stopped_before_its_own_stamp_leaves_previous_alone()
    {
        var root = Directory.CreateTempSubdirectory("restored-").FullName;
        try
        {
            var deploy = Path.Combine(root, "ktrdr-workers-b");
            var bundle = Path.Combine(root, "bundle");
            Directory.CreateDirectory(deploy);
            Directory.CreateDirectory(deploy + ".previous");
            Directory.CreateDirectory(bundle);
            await File.WriteAllTextAsync(Path.Combine(deploy, "docker-compose.workers.yml"), "edited by hand");
            await File.WriteAllTextAsync(Path.Combine(deploy, DeployStamp.FileName), "{\"bundleHash\":\"b1\"}");
            await File.WriteAllTextAsync(Path.Combine(deploy + ".previous", "docker-compose.workers.yml"), "last good");
            await File.WriteAllTextAsync(Path.Combine(bundle, "docker-compose.workers.yml"), "the bundle's");
            var node = Support.Nodes.Node() with { DeployDirectory = deploy };

            var copy = await DriftedCopy.UploadAsync(new LocalExecutor(), node, bundle, [], elevate: false, default);

            Assert.Equal("the bundle's", await File.ReadAllTextAsync(Path.Combine(deploy, "docker-compose.workers.yml")));
            Assert.Equal("{\"bundleHash\":\"b1\"}", await File.ReadAllTextAsync(Path.Combine(deploy, DeployStamp.FileName)));
            Assert.Equal("last good", await File.ReadAllTextAsync(Path.Combine(deploy + ".previous", "docker-compose.workers.yml")));
            Assert.Equal("edited by hand", await File.ReadAllTextAsync(Path.Combine(copy, "docker-compose.workers.yml")));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public async Task A_secret_pasted_into_the_nodes_files_by_hand_is_masked_in_the_drifted_copy_and_the_rest_of_the_change_kept()
    {
        var root = Directory.CreateTempSubdirectory("scrubbed-").FullName;
        try
        {
            var deploy = Path.Combine(root, "ktrdr-workers-b");
            var bundle = Path.Combine(root, "bundle");
            Directory.CreateDirectory(deploy);
            Directory.CreateDirectory(bundle);
            await File.WriteAllTextAsync(Path.Combine(deploy, ".env"), "KTRDR_WORKER_PORT=5003\nDB_PASSWORD=hunter2\nexport ops_token = t0k3n\nKTRDR_LOG_LEVEL=DEBUG\n");
            await File.WriteAllTextAsync(Path.Combine(deploy, "docker-compose.workers.yml"),
                "services:\n  w:\n    environment:\n      API_KEY: \"k3y\"\n      - GRAFANA_SECRET=s3cret\n      DB_PASSWORD: ${DB_PASSWORD}\nsecrets:\n  x:\n");
            await File.WriteAllTextAsync(Path.Combine(bundle, ".env"), "KTRDR_WORKER_PORT=5003\n");
            var node = Support.Nodes.Node() with { DeployDirectory = deploy };

            var copy = await DriftedCopy.UploadAsync(new LocalExecutor(), node, bundle, ["DB_PASSWORD"], elevate: false, default);

            Assert.Equal("KTRDR_WORKER_PORT=5003\nDB_PASSWORD=***\nexport ops_token = ***\nKTRDR_LOG_LEVEL=DEBUG\n", await File.ReadAllTextAsync(Path.Combine(copy, ".env")));
            Assert.Equal("services:\n  w:\n    environment:\n      API_KEY: ***\n      - GRAFANA_SECRET=***\n      DB_PASSWORD: ${DB_PASSWORD}\nsecrets:\n  x:\n",
                await File.ReadAllTextAsync(Path.Combine(copy, "docker-compose.workers.yml")));
            Assert.Equal("KTRDR_WORKER_PORT=5003\n", await File.ReadAllTextAsync(Path.Combine(deploy, ".env")));
            Assert.Equal([".env", "docker-compose.workers.yml"], Directory.GetFiles(copy).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public async Task Hand_edited_files_a_new_bundle_replaced_leave_previous_for_a_masked_drifted_copy_so_no_rollback_swaps_back_into_them()
    {
        var root = Directory.CreateTempSubdirectory("retired-").FullName;
        try
        {
            var deploy = Path.Combine(root, "ktrdr-workers-b");
            Directory.CreateDirectory(deploy);
            Directory.CreateDirectory(deploy + ".previous");
            await File.WriteAllTextAsync(Path.Combine(deploy, ".env"), "IMAGE_TAG=sha-new\n");
            await File.WriteAllTextAsync(Path.Combine(deploy + ".previous", ".env"), "IMAGE_TAG=sha-old\nOPS_API_TOKEN=pasted-by-hand\n");
            foreach (var old in new[] { "20260101T000000Z", "20260102T000000Z", "20260103T000000Z" }) Directory.CreateDirectory($"{deploy}.drifted-{old}");
            var node = Support.Nodes.Node() with { DeployDirectory = deploy };

            var copy = await DriftedCopy.RetirePreviousAsync(new LocalExecutor(), node, ["DB_PASSWORD"], elevate: false, default);

            Assert.False(Directory.Exists(deploy + ".previous"));
            Assert.Equal("IMAGE_TAG=sha-old\nOPS_API_TOKEN=***\n", await File.ReadAllTextAsync(Path.Combine(copy, ".env")));
            Assert.Equal("IMAGE_TAG=sha-new\n", await File.ReadAllTextAsync(Path.Combine(deploy, ".env")));
            Assert.Equal([copy, $"{deploy}.drifted-20260103T000000Z", $"{deploy}.drifted-20260102T000000Z"],
                Directory.GetDirectories(root, "ktrdr-workers-b.drifted-*").OrderDescending(StringComparer.Ordinal));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static string ManifestListing(params (string Path, string Text)[] files) =>
        "{\"environment\":\"lab\",\"node\":\"workers-b\",\"bundleHash\":\"b1\",\"files\":[" +
        string.Join(",", files.Select(f => $"{{\"path\":\"{f.Path}\",\"sha256\":\"{DriftFacts.Sha(f.Text)}\",\"bytes\":1}}")) + "]}";

    [Fact]
    public void Hand_edits_are_judged_against_what_the_nodes_own_stamp_and_manifest_list_not_against_the_next_bundle()
    {
        var manifest = ManifestListing(("docker-compose.workers.yml", DriftFacts.Compose), (".env", DriftFacts.Env));
        var files = new Dictionary<string, string>
        {
            ["docker-compose.workers.yml"] = DriftFacts.Sha(DriftFacts.Compose), [".env"] = DriftFacts.Sha(DriftFacts.Env),
            ["manifest.json"] = DriftFacts.Sha(manifest), [Ktrdr.Deploy.Commands.Drift.NodeFactsCommand.StampFile] = DriftFacts.Sha("stamp"),
        };
        var asDeployed = DriftFacts.Node(files: files, manifest: manifest);

        Assert.False(BundleFacts.HandEdited(asDeployed));   // a new bundle differs from these files; the node still holds its deploy
        Assert.True(BundleFacts.HandEdited(asDeployed with { Files = new Dictionary<string, string>(files) { [".env"] = DriftFacts.Sha("OPS_TOKEN=x\n") } }));
        Assert.True(BundleFacts.HandEdited(asDeployed with { Files = new Dictionary<string, string>(files) { ["notes.txt"] = DriftFacts.Sha("x") } }));
        Assert.False(BundleFacts.HandEdited(asDeployed with { Stamp = null }));
        Assert.False(BundleFacts.HandEdited(asDeployed with { Manifest = "{\"node\":\"workers-b\",\"bundleHash\":\"b1\"}" }));   // lists no files
    }
}
