using Ktrdr.Deploy.Rollout.Drift;
using static Rollout.Tests.Drift.DriftFacts;

namespace Rollout.Tests.Drift;

/// <summary>
/// Diff without --tag: a node against what its own stamp and manifest say was deployed there (sha-1), while this
/// checkout renders a newer build of main (sha-2) that nobody deployed yet.
/// </summary>
public class DeployedBaselineTests
{
    private const string Env2 = "KTRDR_IMAGE=registry.lab:5000/ktrdr:sha-2\nKTRDR_WORKER_PORT=5003\n";
    private const string Manifest2 = "{\"environment\":\"lab\",\"node\":\"workers-b\",\"tag\":\"sha-2\",\"bundleHash\":\"b2\"}";
    private const string Stamp1 = "{\"bundleHash\":\"b1\",\"images\":{\"KTRDR_IMAGE\":\"" + Image + "@" + Digest + "\"},\"services\":[\"worker-1\"]}";

    private static readonly string Manifest1 =
        "{\"environment\":\"lab\",\"node\":\"workers-b\",\"tag\":\"sha-1\",\"bundleHash\":\"b1\",\"files\":[" +
        $"{{\"path\":\"docker-compose.workers.yml\",\"sha256\":\"{Sha(Compose)}\"}},{{\"path\":\".env\",\"sha256\":\"{Sha(Env)}\"}}]}}";

    /// <summary>The .env this checkout renders for a tag (the deployed one was rendered for sha-1).</summary>
    private static string EnvAt(string tag) => Env.Replace("sha-1", tag);

    /// <summary>What this checkout renders now: the same compose file, the .env and manifest of sha-2, its image.</summary>
    private static BundleFacts Rendered(string compose = Compose)
    {
        var texts = new Dictionary<string, string> { ["docker-compose.workers.yml"] = compose, [".env"] = Env2, ["manifest.json"] = Manifest2 };
        return Bundle() with
        {
            BundleHash = "b2",
            Files = texts.ToDictionary(t => t.Key, t => Sha(t.Value)),
            Images = new Dictionary<string, string> { ["worker-1"] = "registry.lab:5000/ktrdr:sha-2@sha256:" + new string('2', 64) },
            ServiceImages = new Dictionary<string, string> { ["worker-1"] = "${KTRDR_IMAGE}" },
            Text = texts.GetValueOrDefault,
        };
    }

    /// <summary>The node as the sha-1 deploy left it, with <paramref name="env"/> and <paramref name="compose"/> as the files hold them now.</summary>
    private static Ktrdr.Deploy.Commands.Drift.NodeFacts Deployed(string env = Env, string compose = Compose, string? stamp = Stamp1,
        Ktrdr.Deploy.Commands.Drift.RunningContainer? container = null) =>
        Node(
            files: new Dictionary<string, string>
            {
                ["docker-compose.workers.yml"] = Sha(compose), [".env"] = Sha(env), ["manifest.json"] = Sha(Manifest1), [".ktrdr-deployed.json"] = Sha("stamp"),
            },
            // the read gives the text of each file that differs from what this checkout renders
            changed: new Dictionary<string, string> { [".env"] = env }.Concat(compose == Rendered().Text("docker-compose.workers.yml") ? []
                : [new KeyValuePair<string, string>("docker-compose.workers.yml", compose)]).ToDictionary(),
            stamp: stamp, manifest: Manifest1, containers: [container ?? Container()]);

    private static NodeDrift Diff(Ktrdr.Deploy.Commands.Drift.NodeFacts facts, BundleFacts? rendered = null) =>
        DriftComparison.Compare(BundleFacts.AsDeployedBy(rendered ?? Rendered(), facts, EnvAt), facts);

    [Fact]
    public void A_node_running_what_it_was_given_is_in_sync_though_main_moved_on_and_against_the_new_tag_it_would_drift()
    {
        var facts = Deployed();

        Assert.True(Diff(facts).InSync, string.Join("; ", Diff(facts).Findings));
        var againstNewTag = DriftComparison.Compare(Rendered(), facts);
        Assert.Contains(againstNewTag.Findings, f => f.ToString() == ".ktrdr-deployed.json names bundle b1, the bundle to deploy is b2");
        Assert.Contains(againstNewTag.Findings, f => f.ToString() == ".env differs on the node");
    }

    [Fact]
    public void A_hand_edit_of_the_env_file_shows_with_its_diff_against_the_env_file_as_deployed_and_pasted_secrets_masked()
    {
        var drift = Diff(Deployed(env: Env + "KTRDR_LOG_LEVEL=DEBUG\nOPS_TOKEN=pasted-by-hand\n"));

        var finding = Assert.Single(drift.Findings);
        Assert.Equal(".env differs on the node", finding.ToString());
        Assert.Contains("+KTRDR_LOG_LEVEL=DEBUG", finding.Diff);
        Assert.Contains("+OPS_TOKEN=***", finding.Diff);
        Assert.DoesNotContain("pasted-by-hand", finding.Diff);
        Assert.DoesNotContain("sha-2", finding.Diff);   // the diff is against the deployed .env (sha-1), not this checkout's
    }

    [Fact]
    public void A_container_swapped_by_hand_for_another_tag_runs_another_image_than_the_stamp_says()
    {
        var drift = Diff(Deployed(container: Container(image: "registry.lab:5000/ktrdr:handfix")));

        Assert.Equal(["worker-1 runs image registry.lab:5000/ktrdr:handfix, the bundle's is " + Image], drift.Findings.Select(f => f.ToString()));
    }

    [Fact]
    public void A_file_this_checkout_renders_differently_from_the_deploy_is_reported_without_a_diff()
    {
        var newer = Compose.Replace("INFO", "WARNING");   // main changed the compose file since the node was deployed

        var finding = Assert.Single(Diff(Deployed(compose: Compose + "# hand edit\n"), Rendered(newer)).Findings);

        Assert.Equal("docker-compose.workers.yml differs on the node", finding.ToString());
        Assert.Null(finding.Diff);
    }

    [Fact]
    public void A_node_without_a_stamp_is_compared_with_what_this_checkout_renders()
    {
        var drift = Diff(Deployed(stamp: null));

        Assert.Contains(drift.Findings, f => f.ToString() == ".ktrdr-deployed.json is missing (not deployed by this tool)");
        Assert.Contains(drift.Findings, f => f.ToString() == ".env differs on the node");
    }
}
