using Ktrdr.Deploy.Commands.Output;
using Ktrdr.Deploy.Remote;
using static Ktrdr.Deploy.Remote.Execution.ShellQuote;

namespace Ktrdr.Deploy.Commands.Swarm;

/// <summary>A running container of the application on a node: its id and its service (a stack's without the stack's prefix).</summary>
public sealed record AppContainer(string Id, string Service);

/// <summary>
/// The application's containers running on a node, of the stack or of the compose project, found by the labels Swarm
/// (<c>com.docker.stack.namespace</c>) and compose (<c>com.docker.compose.project</c>) put on them.
/// </summary>
public static class AppContainers
{
    private const string Format = "{{.ID}} {{.Label \"com.docker.swarm.service.name\"}}{{.Label \"com.docker.compose.service\"}}";

    public static RemoteCommand Running(string stack, string composeProject) => new(
        $"docker ps --filter {Quote($"label=com.docker.stack.namespace={stack}")} --format {Quote(Format)} && " +
        $"docker ps --filter {Quote($"label=com.docker.compose.project={composeProject}")} --filter label=com.docker.compose.oneoff=False --format {Quote(Format)}",
        $"list the containers of stack {stack} and compose project {composeProject}");

    public static IReadOnlyList<AppContainer> Parse(CommandResult result, string stack)
    {
        if (!result.Succeeded) throw UnexpectedOutputException.For("the application's containers", "docker could not list the containers", result);
        return [.. OutputText.Lines(result.StandardOutput).Select(line =>
        {
            var fields = line.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length != 2)
                throw UnexpectedOutputException.For("the application's containers", $"expected 'id service' lines, found '{line}'", result);
            var service = fields[1].StartsWith(stack + "_", StringComparison.Ordinal) ? fields[1][(stack.Length + 1)..] : fields[1];
            return new AppContainer(fields[0], service);
        })];
    }
}
