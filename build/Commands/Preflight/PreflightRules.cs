using Ktrdr.Deploy.Commands.Compose;
using Ktrdr.Deploy.Topology;

namespace Ktrdr.Deploy.Commands.Preflight;

/// <summary>What stops a rollout on a node, each as one sentence that says what to do.</summary>
internal static class PreflightRules
{
    public static IEnumerable<string> Failures(PreflightReport facts, NodeSpec node)
    {
        if (Docker(facts) is { } docker) yield return docker;
        if (facts.Compose.Flavor == ComposeFlavor.None) yield return Compose(facts.Node, node.ComposeCommand);
        if (facts.FreeDiskGb < node.MinFreeDiskGb)
            yield return $"free disk on {facts.Node} is {facts.FreeDiskGb:0.#} GB, below the {node.MinFreeDiskGb} GB the topology asks " +
                         $"(min_free_disk_gb): free space on the file system of {node.DeployDirectory}, e.g. docker image prune";
    }

    private static string? Docker(PreflightReport facts) => facts.Docker switch
    {
        DockerAccess.Missing => $"docker is not installed on {facts.Node}: install Docker Engine (Debian: apt-get install docker.io)",
        DockerAccess.Unreachable when facts.DockerError?.Contains("permission denied", StringComparison.OrdinalIgnoreCase) == true =>
            $"docker is not reachable for user {facts.User} on {facts.Node}: add the user to the docker group " +
            $"(usermod -aG docker {facts.User}) and open a new session",
        DockerAccess.Unreachable =>
            $"the docker daemon on {facts.Node} does not answer user {facts.User} ({facts.DockerError}): start it (systemctl start docker)",
        _ => null,
    };

    private static string Compose(string node, ComposeCommand preference) => preference switch
    {
        ComposeCommand.DockerCompose =>
            $"topology.yml sets compose_command: docker-compose for {node}, but 'docker compose' (v2) does not work there: " +
            "install the compose plugin or set compose_command: auto",
        ComposeCommand.DockerComposeV1 =>
            $"topology.yml sets compose_command: docker-compose-v1 for {node}, but 'docker-compose' does not work there: " +
            "install docker-compose or set compose_command: auto",
        _ => $"neither 'docker compose' (v2) nor 'docker-compose' (v1) works on {node}: " +
             "install the compose plugin (docker-compose-plugin) or docker-compose",
    };
}
