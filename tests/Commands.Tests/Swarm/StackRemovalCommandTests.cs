using Ktrdr.Deploy.Commands.Swarm;

namespace Commands.Tests.Swarm;

/// <summary>The command lines of the way back from a Swarm stack to compose: everything found by docker's own labels.</summary>
public class StackRemovalCommandTests
{
    [Fact]
    public void The_stack_is_looked_for_by_its_namespace_label_on_a_manager_only()
    {
        var look = StackRemovalCommands.StackServiceNames("ktrdr");

        Assert.StartsWith("[ \"$(docker info --format '{{.Swarm.ControlAvailable}}' 2>/dev/null)\" = true ] || exit 0; ", look.Script);
        Assert.Contains("docker service ls --filter 'label=com.docker.stack.namespace=ktrdr' --format '{{.Name}}'", look.Script);
    }

    [Fact]
    public void What_is_left_of_a_stack_is_its_services_task_containers_and_networks_by_label()
    {
        var leftovers = StackRemovalCommands.Leftovers("ktrdr");

        Assert.Contains("docker service ls --filter 'label=com.docker.stack.namespace=ktrdr' --format 'service {{.Name}}'", leftovers.Script);
        Assert.Contains("docker ps -a --filter 'label=com.docker.stack.namespace=ktrdr' --format 'container {{.Names}}'", leftovers.Script);
        Assert.Contains("docker network ls --filter 'label=com.docker.stack.namespace=ktrdr' --format 'network {{.Name}}'", leftovers.Script);
        Assert.DoesNotContain("volume", leftovers.Script);
    }

    [Fact]
    public void Leaving_the_swarm_skips_a_node_in_none_and_forces_only_the_manager()
    {
        Assert.StartsWith("[ \"$(docker info --format '{{.Swarm.LocalNodeState}}' 2>/dev/null)\" = inactive ] && exit 0; ", StackRemovalCommands.LeaveSwarm(false).Script);
        Assert.Contains("docker swarm leave >/dev/null && echo left", StackRemovalCommands.LeaveSwarm(false).Script);
        Assert.Contains("docker swarm leave --force >/dev/null", StackRemovalCommands.LeaveSwarm(true).Script);
    }

    [Fact]
    public void Only_the_secret_objects_the_deploy_labelled_are_removed()
    {
        var remove = StackRemovalCommands.RemoveStackSecrets();

        Assert.Contains("docker secret ls --filter label=ktrdr.secret --format '{{.Name}}'", remove.Script);
        Assert.Contains("docker secret rm $names", remove.Script);
        Assert.Null(remove.StandardInput);
    }
}
