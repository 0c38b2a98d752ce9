using Ktrdr.Deploy.Commands.Output;
using Ktrdr.Deploy.Commands.Swarm;
using Ktrdr.Deploy.Remote;

namespace Commands.Tests.Swarm;

/// <summary>The application's running containers on a node, of the stack or of the compose project: the ones a Swarm deploy drains.</summary>
public class AppContainersTests
{
    [Fact]
    public void The_listing_asks_for_the_stacks_containers_and_the_compose_projects_running_ones()
    {
        var script = AppContainers.Running("ktrdr", "ktrdr").Script;

        Assert.Contains("docker ps --filter 'label=com.docker.stack.namespace=ktrdr'", script);
        Assert.Contains("docker ps --filter 'label=com.docker.compose.project=ktrdr' --filter label=com.docker.compose.oneoff=False", script);
        Assert.DoesNotContain(" -a", script);   // a stopped worker has nothing to finish
    }

    [Fact]
    public void A_stack_task_is_named_by_its_service_without_the_stack_and_a_compose_container_by_its_service()
    {
        var output = "3f2a9c01d4e5 ktrdr_backtest-worker-1\n7c8143b2a1f0 training-worker-1\n\n";

        var containers = AppContainers.Parse(new CommandResult(0, output, "", TimeSpan.Zero), "ktrdr");

        Assert.Equal([new AppContainer("3f2a9c01d4e5", "backtest-worker-1"), new AppContainer("7c8143b2a1f0", "training-worker-1")], containers);
    }

    [Fact]
    public void Nothing_running_is_an_empty_list_and_a_failed_listing_or_a_line_without_a_service_is_an_error()
    {
        Assert.Empty(AppContainers.Parse(new CommandResult(0, "", "", TimeSpan.Zero), "ktrdr"));
        Assert.Throws<UnexpectedOutputException>(() => AppContainers.Parse(new CommandResult(1, "", "Cannot connect to the Docker daemon", TimeSpan.Zero), "ktrdr"));
        var error = Assert.Throws<UnexpectedOutputException>(() => AppContainers.Parse(new CommandResult(0, "3f2a9c01d4e5\n", "", TimeSpan.Zero), "ktrdr"));
        Assert.Contains("expected 'id service' lines", error.Message);
    }
}
