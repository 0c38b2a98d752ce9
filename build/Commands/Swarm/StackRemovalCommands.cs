using Ktrdr.Deploy.Remote;
using static Ktrdr.Deploy.Remote.Execution.ShellQuote;

namespace Ktrdr.Deploy.Commands.Swarm;

/// <summary>
/// The docker command lines of the way back from a Swarm stack to compose (docs/swarm.md, "Moving there and back"): which
/// services the stack runs, what of it is still on a node after <c>docker stack rm</c>, and the stack's secret objects.
/// Everything is found by the labels docker and the deploy put on it, never by our own stamp alone.
/// </summary>
public static class StackRemovalCommands
{
    /// <summary>The label <c>docker stack deploy</c> puts on the stack's services, their containers and its networks.</summary>
    public const string NamespaceLabel = "com.docker.stack.namespace";

    /// <summary>The label the deploy puts on each secret object (<see cref="SwarmCommands.CreateSecret"/>).</summary>
    public const string SecretLabel = "ktrdr.secret";

    private const string IsManager = "[ \"$(docker info --format '{{.Swarm.ControlAvailable}}' 2>/dev/null)\" = true ]";

    /// <summary>
    /// The stack's services, one a line, read on a manager; a node that is no swarm manager (no swarm: no stack) prints
    /// nothing and succeeds, so a compose deploy pays one short command for the check.
    /// </summary>
    public static RemoteCommand StackServiceNames(string stack) =>
        new($"{IsManager} || exit 0; docker service ls --filter {Quote($"label={NamespaceLabel}={stack}")} --format '{{{{.Name}}}}'",
            $"look for the swarm stack {stack}");

    /// <summary>
    /// What of the stack is still on this node, one a line: <c>service &lt;name&gt;</c> (on a manager), <c>container
    /// &lt;name&gt;</c> (a task's container, stopping or stopped) and <c>network &lt;name&gt;</c> (the stack's overlay network,
    /// which must be gone before compose creates its bridge of the same name). Nothing: the stack is gone from this node.
    /// </summary>
    public static RemoteCommand Leftovers(string stack)
    {
        var label = Quote($"label={NamespaceLabel}={stack}");
        return new($"{{ ! {IsManager} || docker service ls --filter {label} --format 'service {{{{.Name}}}}'; }} && " +
                   $"docker ps -a --filter {label} --format 'container {{{{.Names}}}}' && " +
                   $"docker network ls --filter {label} --format 'network {{{{.Name}}}}'",
            $"look for what is left of the stack {stack}");
    }

    /// <summary>
    /// Makes the node leave its swarm (a manager with <paramref name="force"/>: the last manager takes the swarm with it);
    /// a node in no swarm is left alone. Prints <c>left</c> when it left.
    /// </summary>
    public static RemoteCommand LeaveSwarm(bool force) => new(
        "[ \"$(docker info --format '{{.Swarm.LocalNodeState}}' 2>/dev/null)\" = inactive ] && exit 0; " +
        $"docker swarm leave{(force ? " --force" : "")} >/dev/null && echo left",
        force ? "leave the swarm (the manager, with the swarm)" : "leave the swarm");

    /// <summary>Removes every secret object the deploy created (labelled <see cref="SecretLabel"/>), printing their names; none: prints nothing.</summary>
    public static RemoteCommand RemoveStackSecrets() => new(
        $"{IsManager} || exit 0; names=$(docker secret ls --filter label={SecretLabel} --format '{{{{.Name}}}}') || exit 1; " +
        "[ -z \"$names\" ] || { echo \"$names\"; docker secret rm $names >/dev/null; }",
        "remove the stack's secret objects");
}
