using Commands.Tests.Support;
using Ktrdr.Deploy.Commands.Compose;
using Ktrdr.Deploy.Commands.Docker;
using Ktrdr.Deploy.Commands.Output;
using Ktrdr.Deploy.Topology;

namespace Commands.Tests;

public class DockerCommandTests
{
    private const string Token = "ghp_s3cretT0ken";
    private const string Backend = "127.0.0.1:5099/kpiteira/ktrdr-backend:sha-1a2b3c4";

    [Fact]
    public void Login_passes_the_token_on_standard_input_never_in_the_command_line()
    {
        var login = DockerCommands.Login("ghcr.io", "kpiteira", Token);

        Assert.Equal("docker login 'ghcr.io' -u 'kpiteira' --password-stdin", login.Script);
        Assert.Equal(Token, login.StandardInput);
        Assert.DoesNotContain(Token, login.Script + login.Description);
    }

    [Fact]
    public void Login_to_a_registry_uses_the_address_nodes_pull_from()
    {
        var registry = new RegistrySpec { Url = "127.0.0.1:5000/ktrdr", PullUrl = "172.30.0.2:5000/ktrdr", Username = "lab", TokenSecret = "GHCR_TOKEN" };

        Assert.Equal("docker login '172.30.0.2:5000' -u 'lab' --password-stdin", DockerCommands.Login(registry, Token).Script);
    }

    [Fact]
    public void Login_without_a_username_or_with_an_empty_token_says_what_to_fix()
    {
        var anonymous = new RegistrySpec { Url = "ghcr.io/kpiteira", PullUrl = "ghcr.io/kpiteira" };

        var noUser = Assert.Throws<ArgumentException>(() => DockerCommands.Login(anonymous, Token));
        var noToken = Assert.Throws<ArgumentException>(() => DockerCommands.Login("ghcr.io", "kpiteira", " "));

        Assert.Contains("registry.username", noUser.Message);
        Assert.Contains("registry.token_secret", noToken.Message);
    }

    [Fact]
    public void A_temporary_login_wraps_the_command_in_a_throw_away_docker_config()
    {
        var pull = ComposeCommands.WithSecrets(
            ComposeCommands.Pull(ComposeProject.For(new DetectedCompose(ComposeFlavor.V2, "2.29.7"), Nodes.Node())),
            new Dictionary<string, string> { ["DB_PASSWORD"] = "pw" });

        var wrapped = DockerCommands.WithTemporaryLogin(pull, "ghcr.io", "kpiteira", Token);

        Assert.Equal(
            "DOCKER_CONFIG=$(mktemp -d) || exit 1; export DOCKER_CONFIG; trap 'rm -rf -- \"$DOCKER_CONFIG\"' EXIT; trap 'exit 129' HUP INT TERM; " +
            "[ ! -d \"$HOME/.docker/cli-plugins\" ] || ln -s \"$HOME/.docker/cli-plugins\" \"$DOCKER_CONFIG/cli-plugins\"; " +
            "docker login 'ghcr.io' -u 'kpiteira' --password-stdin >/dev/null || exit $?; " + pull.Script,
            wrapped.Script);
        Assert.Equal(Token, wrapped.StandardInput);
        Assert.Equal("pw", wrapped.SecretEnvironment["DB_PASSWORD"]);
        Assert.Equal("pull images on workers-b (docker compose), logged in to ghcr.io", wrapped.Description);
    }

    [Fact]
    public void A_temporary_login_refuses_a_command_that_needs_standard_input_itself()
    {
        var reads = DockerCommands.Login("other.registry", "u", "t");

        var error = Assert.Throws<ArgumentException>(() => DockerCommands.WithTemporaryLogin(reads, "ghcr.io", "kpiteira", Token));

        Assert.Contains("log in to other.registry as u", error.Message);
    }

    [Fact]
    public void Pull_quotes_the_image()
    {
        Assert.Equal($"docker pull --quiet '{Backend}'", DockerCommands.Pull(Backend).Script);
    }
}
