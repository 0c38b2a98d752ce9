using Ktrdr.Deploy.Commands.Compose;
using Ktrdr.Deploy.Rollout.Drift;
using static Rollout.Tests.Drift.DriftFacts;

namespace Rollout.Tests.Drift;

public class DriftComparisonTests
{
    [Fact]
    public void A_node_that_runs_the_bundle_exactly_is_in_sync()
    {
        var drift = DriftComparison.Compare(Bundle(), Node());

        Assert.Empty(drift.Findings);
        Assert.True(drift.InSync);
        Assert.Equal("in sync", drift.Summary);
    }

    [Fact]
    public void A_hand_edited_compose_file_is_a_changed_file_with_its_unified_diff_and_the_deploys_reason()
    {
        var edited = Compose.Replace("INFO", "DEBUG");
        var drift = DriftComparison.Compare(Bundle(), Node(files: FilesWith("docker-compose.workers.yml", edited),
            changed: new Dictionary<string, string> { ["docker-compose.workers.yml"] = edited }));

        var finding = Assert.Single(drift.Findings);
        Assert.Equal(DriftArea.File, finding.Area);
        Assert.Equal("docker-compose.workers.yml differs on the node", drift.Reason);
        Assert.Contains("-      KTRDR_LOG_LEVEL: INFO", finding.Diff);
        Assert.Contains("+      KTRDR_LOG_LEVEL: DEBUG", finding.Diff);
        Assert.Equal("drifted: 1 file", drift.Summary);
    }

    [Fact]
    public void Container_configs_are_not_compared_while_the_compose_inputs_on_the_node_differ()
    {
        var edited = Env + "KTRDR_LOG_LEVEL=DEBUG\n";
        var drift = DriftComparison.Compare(Bundle(), Node(files: FilesWith(".env", edited), hashes: new Dictionary<string, string> { ["worker-1"] = "other" }));

        Assert.Equal([".env"], drift.Findings.Select(f => f.Subject));
        Assert.Contains(drift.Notes, n => n.Contains("compose files or .env on the node differ"));
    }

    [Fact]
    public void A_secret_added_to_the_env_file_by_hand_is_masked_in_the_diff()
    {
        var edited = Env + "DB_PASSWORD=hunter2-secret\nGRAFANA_API_KEY=k3y-value\nKTRDR_LOG_LEVEL=DEBUG\n";
        var drift = DriftComparison.Compare(Bundle(), Node(files: FilesWith(".env", edited), changed: new Dictionary<string, string> { [".env"] = edited }));

        var diff = Assert.Single(drift.Findings).Diff!;
        Assert.DoesNotContain("hunter2", diff);
        Assert.DoesNotContain("k3y-value", diff);
        Assert.Contains("+DB_PASSWORD=***", diff);
        Assert.Contains("+GRAFANA_API_KEY=***", diff);
        Assert.Contains("+KTRDR_LOG_LEVEL=DEBUG", diff);
    }

    [Fact]
    public void A_deleted_bundle_file_is_missing_and_an_added_one_is_extra_but_the_stamp_is_never_extra()
    {
        var files = FilesWith(".env", null);
        files["notes.txt"] = Sha("hand notes");
        var drift = DriftComparison.Compare(Bundle(), Node(files: files));

        Assert.Equal([".env is missing on the node", "notes.txt is extra on the node (not in the bundle)"], drift.Findings.Select(f => f.ToString()));
        Assert.Equal("drifted: 2 files", drift.Summary);
    }

    [Theory]
    [InlineData("exited", ContainerHealth.None, "worker-1 is stopped (exited 137)")]
    [InlineData("restarting", ContainerHealth.None, "worker-1 is restarting (last exit 0)")]
    [InlineData("running", ContainerHealth.Unhealthy, "worker-1 is unhealthy")]
    public void A_service_that_is_not_running_healthy_is_drift(string state, ContainerHealth health, string expected)
    {
        var drift = DriftComparison.Compare(Bundle(), Node(containers: [Container(state: state, health: health)]));

        Assert.Equal([expected], drift.Findings.Select(f => f.ToString()));
        Assert.Equal("drifted: 1 container", drift.Summary);
    }

    [Fact]
    public void A_service_without_a_container_and_a_container_of_a_service_the_bundle_does_not_run_are_both_drift()
    {
        var drift = DriftComparison.Compare(Bundle(["worker-1", "worker-2"]), Node(containers: [Container(), Container(service: "worker-9")]));

        Assert.Equal(["worker-2 has no container on the node", "ktrdr_worker-9_1 is extra: service worker-9 is not run on this node by the bundle and its profiles"],
            drift.Findings.Select(f => f.ToString()));
    }

    [Fact]
    public void A_container_swapped_by_hand_to_another_tag_runs_another_image()
    {
        var drift = DriftComparison.Compare(Bundle(), Node(containers: [Container(image: "registry.lab:5000/ktrdr:sha-hotfix")]));

        Assert.Equal("worker-1 runs image registry.lab:5000/ktrdr:sha-hotfix, the bundle's is registry.lab:5000/ktrdr:sha-1", Assert.Single(drift.Findings).ToString());
    }

    [Fact]
    public void A_container_of_the_same_tag_but_another_digest_runs_another_image()
    {
        var drift = DriftComparison.Compare(Bundle(), Node(containers: [Container(digest: "sha256:" + new string('9', 64))]));

        Assert.Equal("runs registry.lab:5000/ktrdr:sha-1 as 999999999999, the registry has ab12ab12ab12 for it", Assert.Single(drift.Findings).What);
    }

    [Fact]
    public void An_image_without_a_registry_digest_is_compared_by_its_tag_only()
    {
        var container = Container();
        var drift = DriftComparison.Compare(Bundle(), Node(containers: [container with { RepoDigests = [] }]));

        Assert.Empty(drift.Findings);
    }

    [Fact]
    public void A_container_recreated_by_hand_with_another_configuration_has_another_config_hash()
    {
        var drift = DriftComparison.Compare(Bundle(), Node(containers: [Container(configHash: "deadbeef")]));

        Assert.Equal("worker-1 runs another configuration than the files (config-hash deadbeef, the files give c0ffee)", Assert.Single(drift.Findings).ToString());
    }

    [Fact]
    public void Without_config_hashes_the_configs_are_not_compared_and_a_note_says_so()
    {
        var facts = Node(containers: [Container(configHash: "deadbeef")]) with { ConfigHashes = null };
        var drift = DriftComparison.Compare(Bundle(), facts);

        Assert.Empty(drift.Findings);
        Assert.Contains(drift.Notes, n => n.StartsWith("container configs not compared", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(null, ".ktrdr-deployed.json is missing (not deployed by this tool)")]
    [InlineData("not json", ".ktrdr-deployed.json cannot be read (not a stamp this tool writes)")]
    [InlineData("{\"bundleHash\":\"0123456789abcdef\",\"images\":{},\"services\":[]}", ".ktrdr-deployed.json names bundle 0123456789ab, the bundle to deploy is b1")]
    public void The_stamp_must_be_present_readable_and_name_the_bundle(string? stamp, string expected)
    {
        var drift = DriftComparison.Compare(Bundle(), Node(stamp: stamp));

        Assert.Equal([expected], drift.Findings.Select(f => f.ToString()));
        Assert.Equal("drifted: 1 stamp", drift.Summary);
    }

    [Fact]
    public void A_manifest_of_another_environment_is_drift()
    {
        var other = Manifest.Replace("\"lab\"", "\"homelab\"");
        var drift = DriftComparison.Compare(Bundle(), Node(manifest: other, files: FilesWith("manifest.json", other)));

        Assert.Contains(drift.Findings, f => f.ToString() == "manifest.json was deployed for workers-b of homelab, not workers-b of lab");
    }

    [Fact]
    public void A_node_without_its_deploy_directory_was_never_deployed()
    {
        var drift = DriftComparison.Compare(Bundle(), Node(exists: false, files: new Dictionary<string, string>(), containers: []));

        Assert.Equal(["deploy directory is missing: the node was never deployed"], drift.Findings.Select(f => f.ToString()));
    }

    [Fact]
    public void Several_findings_make_one_reason_that_points_to_Diff()
    {
        var drift = DriftComparison.Compare(Bundle(), Node(files: FilesWith(".env", "X=1\n"), containers: [Container(state: "exited")]));

        Assert.Equal(".env differs on the node (and 1 more: ./build.sh Diff shows them)", drift.Reason);
        Assert.Equal("drifted: 1 file, 1 container", drift.Summary);
    }
}
