using Ktrdr.Deploy.Remote;
using static Ktrdr.Deploy.Remote.Execution.ShellQuote;

namespace Ktrdr.Deploy.Commands.Swarm;

/// <summary>
/// The docker command lines of a Swarm deploy (docs/swarm.md). A join token and a secret value only ever travel on
/// standard input: never in a command line, a description or an error.
/// </summary>
public static class SwarmCommands
{
    /// <summary>The port managers listen on for joining nodes.</summary>
    public const int ManagerPort = 2377;

    public static RemoteCommand State() => new("docker info --format '{{json .Swarm}}'", "read the swarm state");

    /// <summary>Makes the node the swarm's first manager, advertising <paramref name="address"/> (an IP, or a name the node resolves).</summary>
    public static RemoteCommand Init(string address) =>
        new($"{Resolve("addr", address)} && docker swarm init --advertise-addr \"$addr\" >/dev/null", $"make this node a swarm manager ({address})");

    /// <summary>The worker join token, printed alone (the caller treats the output as a secret: never logged, never in an error).</summary>
    public static RemoteCommand WorkerJoinToken() => new("docker swarm join-token -q worker", "read the worker join token");

    /// <summary>
    /// Joins the swarm managed at <paramref name="managerAddress"/>. <c>docker swarm join</c> takes its token only as an
    /// argument, so this posts the join to the daemon's API (<c>POST /swarm/join</c> on its socket) from a small Perl
    /// program (perl-base is part of every Debian and Ubuntu): the token arrives on standard input and stays in the
    /// program's environment.
    /// </summary>
    public static RemoteCommand Join(string token, string managerAddress, string advertiseAddress)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Any(c => !(char.IsAsciiLetterOrDigit(c) || c == '-')))
            throw new ArgumentException("The worker join token read on the manager is not a swarm token (SWMTKN-1-...)", nameof(token));
        return new($"{Resolve("KTRDR_SWARM_ADVERTISE", advertiseAddress)} && export KTRDR_SWARM_ADVERTISE && " +
                   $"KTRDR_SWARM_MANAGER={Quote(ManagerEndpoint(managerAddress))} perl -e {Quote(JoinProgram)}",
            $"join the swarm managed at {managerAddress}")
        {
            SecretEnvironment = new Dictionary<string, string> { ["KTRDR_SWARM_TOKEN"] = token },
        };
    }

    /// <summary>The labels of a swarm node: <c>{"ktrdr.node":"core",...}</c> (or <c>null</c>: none).</summary>
    public static RemoteCommand NodeLabels(string nodeId) =>
        new($"docker node inspect --format '{{{{json .Spec.Labels}}}}' {Quote(nodeId)}", $"read the labels of swarm node {nodeId}");

    /// <summary>Adds (or overwrites) the labels; others are left alone.</summary>
    public static RemoteCommand AddLabels(string nodeId, IReadOnlyDictionary<string, string> labels) =>
        new($"docker node update{string.Concat(labels.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => $" --label-add {Quote($"{l.Key}={l.Value}")}"))} " +
            $"{Quote(nodeId)} >/dev/null", $"label swarm node {nodeId}");

    /// <summary>The names of every swarm secret, one a line.</summary>
    public static RemoteCommand SecretNames() => new("docker secret ls --format '{{.Name}}'", "list the swarm secrets");

    /// <summary>The secret names the services mount now, one a line (a service being rolled back still names its old ones).</summary>
    public static RemoteCommand SecretsInUse() => new(
        "ids=$(docker service ls -q) && { [ -z \"$ids\" ] || docker service inspect " +
        "--format '{{range .Spec.TaskTemplate.ContainerSpec.Secrets}}{{println .SecretName}}{{end}}{{if .PreviousSpec}}" +
        "{{range .PreviousSpec.TaskTemplate.ContainerSpec.Secrets}}{{println .SecretName}}{{end}}{{end}}' $ids; }",
        "list the secrets the services mount");

    /// <summary><c>docker secret create &lt;name&gt; -</c>, the value on standard input, labelled with the topology secret it holds.</summary>
    public static RemoteCommand CreateSecret(string objectName, string secret, string value)
    {
        if (value.Length == 0) throw new ArgumentException($"The value of secret {secret} is empty; Swarm refuses an empty secret", nameof(value));
        return new($"docker secret create --label {Quote($"ktrdr.secret={secret}")} {Quote(objectName)} - >/dev/null", $"create swarm secret {objectName}")
        {
            StandardInput = value,
        };
    }

    public static RemoteCommand RemoveSecrets(IReadOnlyList<string> objectNames) =>
        new($"docker secret rm{string.Concat(objectNames.Select(n => " " + Quote(n)))} >/dev/null", $"remove {objectNames.Count} unused swarm secret(s)");

    /// <summary>
    /// Deploys (or updates) the stack from <paramref name="stackFile"/> in <paramref name="directory"/>, sending the
    /// registry login along to the nodes (<c>--with-registry-auth</c>; wrap it in a temporary login) and removing services
    /// the file no longer has. Returns as soon as the manager accepted it: <see cref="StackStatus"/> says when it is done.
    /// </summary>
    public static RemoteCommand StackDeploy(string directory, string stackFile, string stack) =>
        new($"cd -- {Quote(directory)} && docker stack deploy --prune --with-registry-auth -c {Quote(stackFile)} {Quote(stack)}",
            $"deploy the stack {stack}");

    public static RemoteCommand StackRemove(string stack) => new($"docker stack rm {Quote(stack)}", $"remove the stack {stack}");

    /// <summary>
    /// The stack's services (name, replicas), then its tasks (name, desired state, current state, error), then each
    /// service's update state, in sections <see cref="StackServicesOutput"/> reads. A stack that does not exist prints nothing.
    /// </summary>
    public static RemoteCommand StackStatus(string stack) => new(
        $"s={Quote(stack)}; docker stack services \"$s\" --format '{{{{.Name}}}}\t{{{{.Replicas}}}}' 2>/dev/null; " +
        $"echo '{StackServicesOutput.TasksMarker}'; docker stack ps \"$s\" --no-trunc --format '{{{{.Name}}}}\t{{{{.DesiredState}}}}\t{{{{.CurrentState}}}}\t{{{{.Error}}}}' 2>/dev/null; " +
        $"echo '{StackServicesOutput.UpdatesMarker}'; ids=$(docker stack services -q \"$s\" 2>/dev/null); " +
        "[ -z \"$ids\" ] || docker service inspect --format '{{.Spec.Name}}\t{{if .UpdateStatus}}{{.UpdateStatus.State}}{{end}}' $ids; true",
        $"read the services of the stack {stack}");

    /// <summary>
    /// Takes a compose project down by its label, without its files: stops and removes its containers, then its default
    /// network when it is compose's bridge (the stack's overlay network of the same name must be able to take the name).
    /// Named volumes stay. Prints the services it stopped.
    /// </summary>
    public static RemoteCommand ComposeProjectDown(string project) => new(
        $"p={Quote(project)}; ids=$(docker ps -aq --filter \"label=com.docker.compose.project=$p\") || exit 1; " +
        "if [ -n \"$ids\" ]; then docker inspect --format '{{index .Config.Labels \"com.docker.compose.service\"}}' $ids | sort -u; " +
        "docker stop $ids >/dev/null && docker rm $ids >/dev/null || exit 1; fi; " +
        "[ \"$(docker network inspect --format '{{.Driver}}' \"${p}_default\" 2>/dev/null)\" != bridge ] || docker network rm \"${p}_default\" >/dev/null",
        $"take the compose project {project} down (volumes kept)");

    /// <summary><c>host:2377</c> (a manager address as the join wants it).</summary>
    public static string ManagerEndpoint(string address) => address.Contains(':') ? address : $"{address}:{ManagerPort}";

    /// <summary>Sets <paramref name="variable"/> to the address: an IP as is, a name resolved on the node (Swarm wants an address to advertise).</summary>
    private static string Resolve(string variable, string address) =>
        System.Net.IPAddress.TryParse(address, out _)
            ? $"{variable}={Quote(address)}"
            : $"{variable}=$(getent ahostsv4 {Quote(address)} | awk 'NR==1{{print $1}}'); [ -n \"${variable}\" ] || " +
              $"{{ echo {Quote($"cannot resolve {address} to an address to advertise")} >&2; exit 1; }}";

    /// <summary>Posts the join to the daemon's socket; prints the daemon's refusal (never the request, which holds the token).</summary>
    private const string JoinProgram =
        "use IO::Socket::UNIX; my $p = ($ENV{DOCKER_HOST} // '') =~ m{^unix://(.+)} ? $1 : '/var/run/docker.sock'; " +
        "my $s = IO::Socket::UNIX->new(Type => SOCK_STREAM(), Peer => $p) or die \"cannot reach the docker daemon at $p: $!\\n\"; " +
        "my $b = '{\"ListenAddr\":\"0.0.0.0:2377\",\"AdvertiseAddr\":\"' . $ENV{KTRDR_SWARM_ADVERTISE} . '\",\"RemoteAddrs\":[\"' . $ENV{KTRDR_SWARM_MANAGER} . " +
        "'\"],\"JoinToken\":\"' . $ENV{KTRDR_SWARM_TOKEN} . '\"}'; " +
        "print $s \"POST /v1.41/swarm/join HTTP/1.0\\r\\nHost: docker\\r\\nContent-Type: application/json\\r\\nContent-Length: \" . length($b) . \"\\r\\n\\r\\n\" . $b; " +
        "local $/; my $r = <$s>; my ($c) = $r =~ m{^HTTP/\\S+ (\\d+)}; my ($m) = $r =~ m{\\r\\n\\r\\n(.*)}s; " +
        "exit 0 if defined $c && $c == 200; print STDERR 'the docker daemon refused the join (HTTP ' . ($c // '?') . \"): $m\\n\"; exit 1;";
}
