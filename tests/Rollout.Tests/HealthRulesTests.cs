using Ktrdr.Deploy.Commands.Compose;
using Ktrdr.Deploy.Rollout.Deploy;
using static Rollout.Tests.Support.Containers;

namespace Rollout.Tests;

public class HealthRulesTests
{
    private static readonly HashSet<string> NoneProbed = [];

    [Fact]
    public void No_containers_yet_is_waiting()
    {
        var verdict = HealthRules.Evaluate([], NoneProbed);

        Assert.Equal(HealthState.Waiting, verdict.State);
        Assert.Empty(verdict.ToProbe);
    }

    [Theory]
    [InlineData("exited")]
    [InlineData("dead")]
    public void A_stopped_container_fails_naming_it_and_its_exit_code(string state)
    {
        ContainerStatus[] containers = [Container("backend"), Container("db", state: state, exitCode: 137)];

        var verdict = HealthRules.Evaluate(containers, NoneProbed);

        Assert.Equal(HealthState.Failed, verdict.State);
        Assert.Contains("ktrdr_db_1", verdict.Detail);
        Assert.Contains("137", verdict.Detail);
        Assert.DoesNotContain("backend", verdict.Detail);
    }

    [Fact]
    public void An_unhealthy_container_fails_naming_it()
    {
        ContainerStatus[] containers = [Container("backend", health: ContainerHealth.Unhealthy), Container("db", health: ContainerHealth.Healthy)];

        var verdict = HealthRules.Evaluate(containers, NoneProbed);

        Assert.Equal(HealthState.Failed, verdict.State);
        Assert.Contains("ktrdr_backend_1", verdict.Detail);
        Assert.Contains("unhealthy", verdict.Detail);
    }

    [Fact]
    public void An_unhealthy_container_fails_even_when_an_earlier_probe_passed()
    {
        var backend = Container("backend", health: ContainerHealth.Unhealthy);

        Assert.Equal(HealthState.Failed, HealthRules.Evaluate([backend], new HashSet<string> { backend.ContainerId }).State);
    }

    [Fact]
    public void A_restarting_container_has_crashed_and_fails_naming_it()
    {
        ContainerStatus[] containers = [Container("backend", state: "restarting", exitCode: 3), Container("db", health: ContainerHealth.Healthy)];

        var verdict = HealthRules.Evaluate(containers, NoneProbed);

        Assert.Equal(HealthState.Failed, verdict.State);
        Assert.Contains("ktrdr_backend_1", verdict.Detail);
        Assert.Contains("keeps restarting", verdict.Detail);
        Assert.Contains("exit code 3", verdict.Detail);
    }

    [Theory]
    [InlineData("created")]
    public void A_container_not_running_yet_is_waiting(string state)
    {
        ContainerStatus[] containers = [Container("backend", state: state), Container("db", health: ContainerHealth.Healthy)];

        var verdict = HealthRules.Evaluate(containers, NoneProbed);

        Assert.Equal(HealthState.Waiting, verdict.State);
        Assert.Contains("backend", verdict.Detail);
        Assert.Contains(state, verdict.Detail);
    }

    [Fact]
    public void A_running_container_whose_check_is_starting_is_waiting_and_to_be_probed()
    {
        var starting = Container("backend", health: ContainerHealth.Starting);
        ContainerStatus[] containers = [starting, Container("db", health: ContainerHealth.Healthy), Container("worker")];

        var verdict = HealthRules.Evaluate(containers, NoneProbed);

        Assert.Equal(HealthState.Waiting, verdict.State);
        Assert.Equal([starting], verdict.ToProbe);
        Assert.Contains("backend", verdict.Detail);
    }

    [Fact]
    public void Starting_containers_are_probed_while_others_are_not_running_yet()
    {
        var starting = Container("backend", health: ContainerHealth.Starting);

        var verdict = HealthRules.Evaluate([starting, Container("db", state: "created")], NoneProbed);

        Assert.Equal(HealthState.Waiting, verdict.State);
        Assert.Equal([starting], verdict.ToProbe);
    }

    [Fact]
    public void A_starting_container_whose_probe_passed_is_ready()
    {
        var starting = Container("backend", health: ContainerHealth.Starting);

        var verdict = HealthRules.Evaluate([starting, Container("db", health: ContainerHealth.Healthy)], new HashSet<string> { starting.ContainerId });

        Assert.Equal(HealthState.Ready, verdict.State);
        Assert.Empty(verdict.ToProbe);
        Assert.Contains("2 container(s) running, 2 passed", verdict.Detail);
    }

    [Fact]
    public void Healthy_containers_and_those_without_a_check_are_ready_and_counted()
    {
        ContainerStatus[] containers =
            [Container("backend", health: ContainerHealth.Healthy), Container("db", health: ContainerHealth.Healthy), Container("prometheus")];

        var verdict = HealthRules.Evaluate(containers, NoneProbed);

        Assert.Equal(HealthState.Ready, verdict.State);
        Assert.Equal("3 container(s) running, 2 passed their health check", verdict.Detail);
    }
}
