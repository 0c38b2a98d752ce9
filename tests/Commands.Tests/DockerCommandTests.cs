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
    public void Pull_and_digest_quote_the_image()
    {
        Assert.Equal($"docker pull --quiet '{Backend}'", DockerCommands.Pull(Backend).Script);
        Assert.Equal($"docker image inspect --format '{{{{range .RepoDigests}}}}{{{{println .}}}}{{{{end}}}}' '{Backend}'",
            DockerCommands.ImageDigest(Backend).Script);
    }

    [Fact]
    public void The_digest_is_the_one_of_the_images_own_repository()
    {
        var digest = DockerCommands.ParseImageDigest(Sample.Result("image-digest"), Backend);

        Assert.Equal(
            "127.0.0.1:5099/kpiteira/ktrdr-backend@sha256:ba2cc32c7f48714aff45a913fd6ba135a586d2fbdeda5576e0845e9df736dd75",
            digest?.Reference);
    }

    [Fact]
    public void An_image_with_digests_only_from_other_repositories_has_no_digest()
    {
        // The same image was pushed to ktrdr-backend and ktrdr-mirror; neither is the digest of cmds-busybox:1.
        Assert.Null(DockerCommands.ParseImageDigest(Sample.Result("image-digest"), "cmds-busybox:1"));
    }

    [Fact]
    public void Docker_hub_names_match_in_their_short_and_long_forms()
    {
        var output = Sample.Output("timescale/timescaledb@sha256:0123\n");

        Assert.Equal("sha256:0123", DockerCommands.ParseImageDigest(output, "docker.io/timescale/timescaledb:2.17.2-pg16")?.Digest);
    }

    [Fact]
    public void An_image_missing_on_the_node_has_no_digest_but_other_failures_are_errors()
    {
        // stderr as docker CLI 28.2.2 printed it against dockerd 20.10.24 for an unknown image
        var missing = Sample.Output("", 1, "Error response from daemon: no such image: nope:1: No such image: nope:1\n");
        var down = Sample.Output("", 1, "Cannot connect to the Docker daemon at unix:///var/run/docker.sock.");

        Assert.Null(DockerCommands.ParseImageDigest(missing, "nope:1"));
        Assert.Contains("Cannot connect", Assert.Throws<UnexpectedOutputException>(() => DockerCommands.ParseImageDigest(down, "x:1")).Message);
    }

    [Fact]
    public void Info_reads_the_daemons_answer()
    {
        var info = DockerCommands.ParseInfo(Sample.Result("docker-info"));

        Assert.Equal(new DockerInfo("20.10.24+dfsg1", "vm", "Debian GNU/Linux 12 (bookworm)", "x86_64", 4), info);
    }

    [Fact]
    public void Info_without_a_daemon_is_an_error_even_though_the_client_prints_json()
    {
        var error = Assert.Throws<UnexpectedOutputException>(() => DockerCommands.ParseInfo(Sample.Result("docker-info-daemon-down")));

        Assert.Contains("the docker daemon did not answer", error.Message);
        Assert.Contains("Cannot connect to the Docker daemon", error.Message);
    }
}
