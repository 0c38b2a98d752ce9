using Ktrdr.Deploy.Commands.Output;
using Ktrdr.Deploy.Remote;
using Ktrdr.Deploy.Topology;
using static Ktrdr.Deploy.Remote.Execution.ShellQuote;

namespace Ktrdr.Deploy.Commands.Compose;

/// <summary>
/// Compose command lines for a node, the same for compose v2 (<c>docker compose</c>) and v1.29 (<c>docker-compose</c>).
/// Secret values never appear in a script: give them with <see cref="WithSecrets"/>; compose reads them from the
/// environment when it interpolates the files.
/// </summary>
public static class ComposeCommands
{
    // Both label filters must match: the project's service containers, not one-off `run` containers.
    private static readonly string ProjectFilter =
        $"--filter {Quote($"label=com.docker.compose.project={ComposeProject.Name}")} --filter label=com.docker.compose.oneoff=False";

    /// <summary>Prints which compose works: the v2 plugin first, then v1 (only the forced one when not Auto).</summary>
    public static RemoteCommand Detect(ComposeCommand preference = ComposeCommand.Auto) =>
        new(ComposeProbe.Script(preference), "detect docker compose");

    public static DetectedCompose ParseDetection(CommandResult result) =>
        ComposeProbe.Read(KeyValueOutput.Parse("compose detection", result));

    /// <summary>"docker compose" or "docker-compose": what the topology forces, else what was detected.</summary>
    public static string Invocation(ComposeFlavor detected, NodeSpec node) => node.ComposeCommand switch
    {
        ComposeCommand.DockerCompose => ComposeProbe.Program(ComposeFlavor.V2),
        ComposeCommand.DockerComposeV1 => ComposeProbe.Program(ComposeFlavor.V1),
        _ when detected != ComposeFlavor.None => ComposeProbe.Program(detected),
        _ => throw new RemoteException(
            $"Node {node.Name}: neither 'docker compose' (v2) nor 'docker-compose' (v1) works there. " +
            "Install the compose plugin (or docker-compose), or set compose_command for the node in topology.yml."),
    };

    public static RemoteCommand Pull(ComposeProject project, IReadOnlyList<string>? services = null) =>
        Run(project, "pull --quiet" + Services(services), "pull images");

    /// <summary><c>up -d</c>, removing containers of services no longer in the files unless told not to.</summary>
    public static RemoteCommand Up(
        ComposeProject project, bool removeOrphans = true, IReadOnlyList<string>? services = null, bool noDeps = false, bool forceRecreate = false) =>
        Run(project,
            "up -d" + (removeOrphans ? " --remove-orphans" : "") + (noDeps ? " --no-deps" : "") + (forceRecreate ? " --force-recreate" : "") + Services(services),
            "start services");

    /// <summary>Validates the files with the given environment (variables required with <c>:?</c> must be set); prints nothing.</summary>
    public static RemoteCommand Validate(ComposeProject project) => Run(project, "config --quiet", "validate compose files");

    /// <summary>The merged configuration without interpolation, so no secret value is in it: safe to show or diff.</summary>
    public static RemoteCommand Config(ComposeProject project) => Run(project, "config --no-interpolate", "show compose config");

    /// <summary>
    /// Prints <c>service hash</c> per service: the hash compose stores on a container as
    /// <c>com.docker.compose.config-hash</c>, so comparing them tells which services <c>up</c> would recreate.
    /// </summary>
    public static RemoteCommand ConfigHashes(ComposeProject project) => Run(project, "config --hash '*'", "hash compose services");

    public static IReadOnlyDictionary<string, string> ParseConfigHashes(CommandResult result) =>
        ComposeOutput.ConfigHashes(result);

    public static RemoteCommand Stop(ComposeProject project, IReadOnlyList<string>? services = null, TimeSpan? grace = null) =>
        Run(project, "stop" + Grace(grace) + Services(services), "stop services");

    /// <summary>Removes the project's containers and networks; volumes are never removed (no <c>-v</c>).</summary>
    public static RemoteCommand Down(ComposeProject project, TimeSpan? grace = null) =>
        Run(project, "down --remove-orphans" + Grace(grace), "remove containers");

    /// <summary>
    /// The project's containers (running or not), one JSON object per line with only the fields
    /// <see cref="ContainerStatus"/> needs: never the container's environment, which holds secret values. Containers
    /// are found by the labels compose puts on them, which v1.29 and v2 both set; v1.29's own <c>ps</c> has no JSON.
    /// </summary>
    public static RemoteCommand Ps() => new(
        $"ids=$(docker ps -aq {ProjectFilter}) || exit $?; " +
        $"[ -z \"$ids\" ] || exec docker inspect --format {Quote(ComposeOutput.InspectTemplate)} $ids",
        "list containers");

    public static IReadOnlyList<ContainerStatus> ParseContainers(CommandResult result) => ComposeOutput.Containers(result);

    /// <summary>The same command with these secrets added to its environment (sent on standard input, never in argv).</summary>
    public static RemoteCommand WithSecrets(RemoteCommand command, IReadOnlyDictionary<string, string> secrets)
    {
        var merged = new Dictionary<string, string>(command.SecretEnvironment, StringComparer.Ordinal);
        foreach (var (name, value) in secrets) merged[name] = value;
        return command with { SecretEnvironment = merged };
    }

    private static RemoteCommand Run(ComposeProject project, string subcommand, string what) =>
        new($"{project.Prefix()} {subcommand}", $"{what} on {project.Node} ({project.Invocation})");

    private static string Services(IReadOnlyList<string>? services) =>
        services is null ? "" : string.Concat(services.Select(service => " " + Quote(service)));

    private static string Grace(TimeSpan? grace) => grace is { } g ? $" --timeout {(int)Math.Ceiling(g.TotalSeconds)}" : "";
}
