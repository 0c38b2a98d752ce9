using Ktrdr.Deploy.Commands.Compose;
using Ktrdr.Deploy.Remote;
using Ktrdr.Deploy.Topology;
using static Ktrdr.Deploy.Remote.Execution.ShellQuote;

namespace Ktrdr.Deploy.Commands.Drift;

/// <summary>
/// The one read-only command that tells what a node really runs (Diff, Status and every deploy decision start here):
/// <list type="bullet">
/// <item>every file of the deploy directory with its sha256, and, for each expected file (given on standard input as
/// <c>sha256 path</c> lines) whose content differs, its text (base64, up to <see cref="MaxTextBytes"/>);</item>
/// <item>the stamp and the manifest the last deploy left there;</item>
/// <item>compose's own <c>config --hash '*'</c> over the files on the node (with the run's secrets in its environment,
/// as <c>up</c> would compute them): a container whose <c>com.docker.compose.config-hash</c> label differs is one that
/// <c>up</c> would recreate. Compose v1 hashes the interpolated service options plus the local image id, v2 the
/// interpolated service definition; asking the node's own compose makes the comparison right for both;</item>
/// <item>the project's containers (labels, state, health, image id) and the registry digests of their images.</item>
/// </list>
/// Everything variable is printed after a marker line (<c>@@name</c>); file contents are base64 so no content can fake one.
/// </summary>
public static class NodeFactsCommand
{
    public const int MaxTextBytes = 256 * 1024;

    /// <summary>The container listing's template (never the environment, which holds secret values) plus the image id.</summary>
    internal static readonly string ContainerTemplate = "{\"imageId\":{{json .Image}}," + ComposeOutput.InspectTemplate[1..];

    /// <summary>
    /// The read. With <paramref name="hashConfig"/> false compose is not asked for its config hashes (it prints
    /// <c>@@hash-skipped</c>): the caller has the hashes the last deploy recorded and checks they still hold.
    /// </summary>
    public static RemoteCommand Read(NodeSpec node, IReadOnlyDictionary<string, string> expected, IReadOnlyDictionary<string, string> secrets,
        bool hashConfig = true)
    {
        var project = new ComposeProject(node.Name, "$compose", node.DeployDirectory, [.. node.ComposeFiles.Select(f => Path.GetFileName(f))], node.Profiles);
        var script =
            $"d={Quote(node.DeployDirectory.TrimEnd('/'))}; {Detect(node.ComposeCommand)}" +
            "if [ -d \"$d\" ]; then cd -- \"$d\" || exit 1; " +
            "echo @@files; find . -type f -exec sha256sum -- {} + || exit 1; " +
            $"echo @@stamp; [ ! -f {Quote(StampFile)} ] || base64 < {Quote(StampFile)}; " +
            "echo @@manifest; [ ! -f manifest.json ] || base64 < manifest.json; " +
            "echo @@texts; while read -r sum path; do " +
            $"if [ -f \"$path\" ] && [ \"$(wc -c < \"$path\")\" -le {MaxTextBytes} ] && [ \"$(sha256sum < \"$path\" | cut -c1-64)\" != \"$sum\" ]; " +
            "then echo \"@@text $path\"; base64 < \"$path\"; fi; done; " +
            (hashConfig
                ? "echo @@hashes; if [ -n \"$compose\" ]; then " +
                  $"h=$({project.Prefix()} config --hash '*' 2>/dev/null) && echo \"$h\" || echo @@hash-failed; " +
                  "else echo @@hash-failed; fi; "
                : "echo @@hash-skipped; ") +
            "else echo @@nodir; fi; " +
            "echo @@containers; " +
            $"ids=$(docker ps -aq --filter {Quote($"label=com.docker.compose.project={ComposeProject.Name}")} --filter label=com.docker.compose.oneoff=False) || exit $?; " +
            $"[ -z \"$ids\" ] || docker inspect --format {Quote(ContainerTemplate)} $ids || exit $?; " +
            "echo @@images; [ -z \"$ids\" ] || docker image inspect --format '{{.Id}} {{join .RepoDigests \" \"}}' " +
            "$(docker inspect --format '{{.Image}}' $ids | sort -u) 2>/dev/null; echo @@end";
        return new RemoteCommand(script, $"read what runs on {node.Name}")
        {
            SecretEnvironment = secrets,
            StandardInput = string.Concat(expected.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => $"{f.Value} {f.Key}\n")),
        };
    }

    public static NodeFacts Parse(CommandResult result, NodeSpec node) => NodeFactsOutput.Parse(result, $"the state of {node.Name}");

    /// <summary>The stamp's file name in the deploy directory (kept in step with the Rollout layer's stamp).</summary>
    public const string StampFile = ".ktrdr-deployed.json";

    /// <summary>Sets <c>compose</c> to the program words of a working compose (what the topology forces, else v2 then v1), or empty.</summary>
    private static string Detect(ComposeCommand preference) => preference switch
    {
        ComposeCommand.DockerCompose => "compose='docker compose'; ",
        ComposeCommand.DockerComposeV1 => "compose=docker-compose; ",
        _ => "compose=; if docker compose version >/dev/null 2>&1; then compose='docker compose'; " +
             "elif command -v docker-compose >/dev/null 2>&1; then compose=docker-compose; fi; ",
    };
}
