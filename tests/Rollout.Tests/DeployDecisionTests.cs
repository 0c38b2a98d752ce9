using Ktrdr.Deploy.Commands.Compose;
using Ktrdr.Deploy.Rollout.Deploy;
using static Rollout.Tests.Support.Containers;

namespace Rollout.Tests;

public class DeployDecisionTests
{
    private const string HashA = "aaaaaaaaaaaa1111111111111111111111111111111111111111111111111111";
    private const string HashB = "bbbbbbbbbbbb2222222222222222222222222222222222222222222222222222";

    private static readonly Dictionary<string, string> Images = new()
    {
        ["KTRDR_IMAGE"] = "registry.ktrdr.lab:5000/ktrdr/ktrdr-backend@sha256:1111",
        ["DB_IMAGE"] = "registry.ktrdr.lab:5000/ktrdr/ktrdr-lab/postgres@sha256:2222",
    };

    private static DeployStamp Current(string hash = HashA, IReadOnlyDictionary<string, string>? images = null) =>
        new(hash, images ?? Images, ["backend", "db"]);

    private static DeployStamp Desired(string hash = HashA, IReadOnlyDictionary<string, string>? images = null) =>
        new(hash, images ?? Images, []);

    private static readonly ContainerStatus[] AllRunning =
        [Container("backend", health: ContainerHealth.Healthy), Container("db", health: ContainerHealth.Healthy)];

    private static Dictionary<string, string> ImagesWith(string name, string? value)
    {
        var images = new Dictionary<string, string>(Images);
        if (value is null) images.Remove(name);
        else images[name] = value;
        return images;
    }

    [Fact]
    public void Force_deploys_even_an_unchanged_node()
    {
        var decision = DeployDecision.Decide(Current(), Desired(), AllRunning, force: true);

        Assert.True(decision.Deploy);
        Assert.Contains("forced", decision.Reason);
    }

    [Fact]
    public void A_node_without_a_stamp_is_deployed()
    {
        var decision = DeployDecision.Decide(null, Desired(), AllRunning, force: false);

        Assert.True(decision.Deploy);
        Assert.Contains("not deployed", decision.Reason);
    }

    [Fact]
    public void Another_bundle_hash_deploys_and_names_both_short_hashes()
    {
        var decision = DeployDecision.Decide(Current(HashA), Desired(HashB), AllRunning, force: false);

        Assert.True(decision.Deploy);
        Assert.Contains("aaaaaaaaaaaa", decision.Reason);
        Assert.Contains("bbbbbbbbbbbb", decision.Reason);
        Assert.DoesNotContain(HashA, decision.Reason);
        Assert.DoesNotContain(HashB, decision.Reason);
    }

    [Fact]
    public void A_changed_image_deploys_and_names_only_that_variable()
    {
        var desired = Desired(images: ImagesWith("KTRDR_IMAGE", "registry.ktrdr.lab:5000/ktrdr/ktrdr-backend@sha256:9999"));

        var decision = DeployDecision.Decide(Current(), desired, AllRunning, force: false);

        Assert.True(decision.Deploy);
        Assert.Contains("KTRDR_IMAGE", decision.Reason);
        Assert.DoesNotContain("DB_IMAGE", decision.Reason);
    }

    [Fact]
    public void A_removed_image_variable_deploys_and_names_it()
    {
        var decision = DeployDecision.Decide(Current(), Desired(images: ImagesWith("DB_IMAGE", null)), AllRunning, force: false);

        Assert.True(decision.Deploy);
        Assert.Contains("DB_IMAGE", decision.Reason);
    }

    [Fact]
    public void An_added_image_variable_deploys_and_names_it()
    {
        var desired = Desired(images: ImagesWith("PROMETHEUS_IMAGE", "registry.ktrdr.lab:5000/ktrdr/ktrdr-lab/prometheus@sha256:3333"));

        var decision = DeployDecision.Decide(Current(), desired, AllRunning, force: false);

        Assert.True(decision.Deploy);
        Assert.Contains("PROMETHEUS_IMAGE", decision.Reason);
    }

    [Fact]
    public void The_same_stamp_with_every_recorded_service_running_is_unchanged()
    {
        var decision = DeployDecision.Decide(Current(), Desired(), AllRunning, force: false);

        Assert.False(decision.Deploy);
        Assert.Matches("^same bundle [0-9a-f]{12} and images, 2 service\\(s\\) running$", decision.Reason);
    }

    [Fact]
    public void The_same_services_in_another_order_are_unchanged()
    {
        var decision = DeployDecision.Decide(Current(), Desired() with { Services = ["db", "backend"] }, AllRunning, force: false);
        Assert.False(decision.Deploy, decision.Reason);
    }

    [Fact]
    public void Other_services_from_the_same_files_deploy_because_the_profiles_changed()
    {
        var desired = Desired() with { Services = ["backend", "db", "backtest-worker-2"] };

        var decision = DeployDecision.Decide(Current(), desired, AllRunning, force: false);

        Assert.True(decision.Deploy);
        Assert.Equal("services +backtest-worker-2 (profiles changed)", decision.Reason);
        Assert.Equal("services -db (profiles changed)", DeployDecision.Decide(Current(), Desired() with { Services = ["backend"] }, AllRunning, false).Reason);
    }

    [Fact]
    public void Services_without_a_health_check_or_still_starting_count_as_running()
    {
        ContainerStatus[] containers = [Container("backend", health: ContainerHealth.Starting), Container("db")];

        Assert.False(DeployDecision.Decide(Current(), Desired(), containers, force: false).Deploy);
    }

    [Fact]
    public void A_recorded_service_without_a_container_deploys_and_names_it()
    {
        var decision = DeployDecision.Decide(Current(), Desired(), [Container("backend")], force: false);

        Assert.True(decision.Deploy);
        Assert.Contains("db", decision.Reason);
        Assert.Contains("not running", decision.Reason);
    }

    [Theory]
    [InlineData("exited")]
    [InlineData("created")]
    [InlineData("restarting")]
    public void A_recorded_service_that_does_not_run_deploys_and_names_it(string state)
    {
        ContainerStatus[] containers = [Container("backend", state: state, exitCode: 1), Container("db")];

        var decision = DeployDecision.Decide(Current(), Desired(), containers, force: false);

        Assert.True(decision.Deploy);
        Assert.Contains("backend", decision.Reason);
        Assert.Contains("not running", decision.Reason);
    }

    [Fact]
    public void An_unhealthy_recorded_service_deploys_and_names_it()
    {
        ContainerStatus[] containers = [Container("backend"), Container("db", health: ContainerHealth.Unhealthy)];

        var decision = DeployDecision.Decide(Current(), Desired(), containers, force: false);

        Assert.True(decision.Deploy);
        Assert.Contains("db", decision.Reason);
        Assert.Contains("unhealthy", decision.Reason);
    }

    [Fact]
    public void Containers_of_services_not_recorded_do_not_matter()
    {
        ContainerStatus[] containers =
        [
            .. AllRunning,
            Container("old-worker", state: "exited", exitCode: 137),
            Container("sidecar", health: ContainerHealth.Unhealthy),
        ];

        var decision = DeployDecision.Decide(Current(), Desired(), containers, force: false);

        Assert.False(decision.Deploy);
        Assert.StartsWith("same bundle ", decision.Reason);
    }
}
