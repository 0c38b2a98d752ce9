using Ktrdr.Deploy.Remote;
using Ktrdr.Deploy.Topology;
using static Ktrdr.Deploy.Remote.Execution.ShellQuote;

namespace Ktrdr.Deploy.Commands.Docker;

/// <summary>Plain docker command lines. A registry token only ever travels on standard input.</summary>
public static class DockerCommands
{
    /// <summary>
    /// <c>docker login &lt;host&gt; -u &lt;user&gt; --password-stdin</c>, the token on standard input. Docker keeps the
    /// credential in the user's docker config afterwards; prefer <see cref="WithTemporaryLogin"/>, which leaves none.
    /// </summary>
    public static RemoteCommand Login(string registryHost, string username, string token) =>
        new($"docker login {Quote(registryHost)} -u {Quote(username)} --password-stdin",
            $"log in to {registryHost} as {username}")
        {
            StandardInput = RequireToken(registryHost, token),
        };

    /// <summary>Login to the registry nodes pull from (<see cref="RegistrySpec.PullHost"/>).</summary>
    public static RemoteCommand Login(RegistrySpec registry, string token) =>
        Login(registry.PullHost, registry.Username ?? throw new ArgumentException(
            $"The registry {registry.Url} has no username in topology.yml (registry.username), so there is nothing to log in with.",
            nameof(registry)), token);

    public static RemoteCommand Logout(string registryHost) =>
        new($"docker logout {Quote(registryHost)}", $"log out of {registryHost}");

    /// <summary>
    /// Runs <paramref name="inner"/> (e.g. a compose pull) logged in to the registry through a throw-away docker config
    /// directory that is removed when the script ends, so no credential stays on the node. The user's compose plugin
    /// directory is linked in, so <c>docker compose</c> still works. The inner command must not need standard input.
    /// </summary>
    public static RemoteCommand WithTemporaryLogin(RemoteCommand inner, string registryHost, string username, string token)
    {
        if (inner.StandardInput is not null)
            throw new ArgumentException(
                $"'{inner.Description}' reads standard input, which carries the registry token here; run it without a login.",
                nameof(inner));

        var login = Login(registryHost, username, token);
        return inner with
        {
            Script =
                "DOCKER_CONFIG=$(mktemp -d) || exit 1; export DOCKER_CONFIG; " +
                "trap 'rm -rf -- \"$DOCKER_CONFIG\"' EXIT; trap 'exit 129' HUP INT TERM; " +
                "[ ! -d \"$HOME/.docker/cli-plugins\" ] || ln -s \"$HOME/.docker/cli-plugins\" \"$DOCKER_CONFIG/cli-plugins\"; " +
                $"{login.Script} >/dev/null || exit $?; " +
                inner.Script,
            Description = $"{inner.Description}, logged in to {registryHost}",
            StandardInput = login.StandardInput,
        };
    }

    public static RemoteCommand Pull(string image) => new($"docker pull --quiet {Quote(image)}", $"pull {image}");

    /// <summary>Pulls the image only when the node does not have it yet.</summary>
    public static RemoteCommand PullIfMissing(string image) =>
        new($"docker image inspect {Quote(image)} >/dev/null 2>&1 || docker pull --quiet {Quote(image)} >/dev/null", $"make sure {image} is present");

    /// <summary>The image's id (<c>sha256:...</c>) on the daemon; fails when the daemon does not have it.</summary>
    public static RemoteCommand ImageId(string image) => new($"docker image inspect --format '{{{{.Id}}}}' {Quote(image)}", $"read the id of {image}");

    private static string RequireToken(string registryHost, string token) =>
        string.IsNullOrWhiteSpace(token)
            ? throw new ArgumentException(
                $"The token for registry {registryHost} is empty; check the secret named by registry.token_secret in topology.yml.",
                nameof(token))
            : token;
}
