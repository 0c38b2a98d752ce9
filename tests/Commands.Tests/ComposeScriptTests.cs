using Commands.Tests.Support;
using Ktrdr.Deploy.Commands.Compose;
using Ktrdr.Deploy.Remote;
using Ktrdr.Deploy.Topology;

namespace Commands.Tests;

public class ComposeScriptTests
{
    private static readonly DetectedCompose V1 = new(ComposeFlavor.V1, "1.29.2");
    private static readonly DetectedCompose V2 = new(ComposeFlavor.V2, "2.29.7");

    private static ComposeProject Core(DetectedCompose compose) => ComposeProject.For(compose,
        Nodes.Node("core", files: ["docker-compose.core.yml"], profiles: ["observability"]));

    [Fact]
    public void Up_on_v1_runs_in_the_deploy_directory_with_the_fixed_project_each_file_and_each_profile()
    {
        Assert.Equal(
            "cd -- '/opt/ktrdr-core' && docker-compose -p ktrdr -f 'docker-compose.core.yml' --profile 'observability' up -d --remove-orphans",
            ComposeCommands.Up(Core(V1)).Script);
    }

    [Fact]
    public void Up_on_v2_names_services_without_their_dependencies_and_keeps_orphans_when_asked()
    {
        var node = Nodes.Node(files: ["../homelab/docker-compose.workers.yml", "override.yml"], profiles: ["scale-2", "scale-3"]);
        var up = ComposeCommands.Up(ComposeProject.For(V2, node), removeOrphans: false,
            services: ["backtest-worker-1", "training-worker-1"], noDeps: true);

        Assert.Equal(
            "cd -- '/opt/ktrdr-workers-b' && docker compose -p ktrdr -f 'docker-compose.workers.yml' -f 'override.yml' " +
            "--profile 'scale-2' --profile 'scale-3' up -d --no-deps 'backtest-worker-1' 'training-worker-1'",
            up.Script);
        Assert.Equal("start services on workers-b (docker compose)", up.Description);
    }

    [Fact]
    public void Pull_pulls_everything_or_only_the_named_services()
    {
        Assert.EndsWith("--profile 'observability' pull --quiet", ComposeCommands.Pull(Core(V2)).Script);
        Assert.EndsWith("pull --quiet 'backend'", ComposeCommands.Pull(Core(V2), ["backend"]).Script);
    }

    [Fact]
    public void Down_removes_containers_but_never_volumes()
    {
        var down = ComposeCommands.Down(Core(V1), TimeSpan.FromSeconds(30)).Script;

        Assert.EndsWith(" down --remove-orphans --timeout 30", down);
        Assert.DoesNotContain(" -v", down);
        Assert.DoesNotContain("--volumes", down);
    }

    [Fact]
    public void Stop_gives_the_services_a_grace_period_in_whole_seconds()
    {
        Assert.EndsWith(" stop --timeout 91 'training-worker-1'",
            ComposeCommands.Stop(Core(V1), ["training-worker-1"], TimeSpan.FromSeconds(90.2)).Script);
        Assert.EndsWith(" stop", ComposeCommands.Stop(Core(V1)).Script);
    }

    [Fact]
    public void Config_commands_validate_show_without_secrets_and_hash()
    {
        Assert.EndsWith("--profile 'observability' config --quiet", ComposeCommands.Validate(Core(V1)).Script);
        Assert.EndsWith("--profile 'observability' config --no-interpolate", ComposeCommands.Config(Core(V1)).Script);
        Assert.EndsWith("--profile 'observability' config --hash '*'", ComposeCommands.ConfigHashes(Core(V1)).Script);
    }

    [Fact]
    public void A_rollback_from_another_directory_addresses_the_same_project()
    {
        var previous = ComposeProject.For(V2, Nodes.Node("core", files: ["docker-compose.core.yml"]), directory: "/opt/ktrdr-core.previous");

        Assert.Equal("cd -- '/opt/ktrdr-core.previous' && docker compose -p ktrdr -f 'docker-compose.core.yml' up -d --remove-orphans",
            ComposeCommands.Up(previous).Script);
    }

    [Fact]
    public void Every_interpolated_value_is_one_quoted_word()
    {
        var node = Nodes.Node(deployDirectory: "/opt/it's here; rm -rf /", files: ["a b.yml"], profiles: ["$(reboot)"]);

        Assert.Equal(
            "cd -- '/opt/it'\\''s here; rm -rf /' && docker-compose -p ktrdr -f 'a b.yml' --profile '$(reboot)' up -d --remove-orphans 'x`y`'",
            ComposeCommands.Up(ComposeProject.For(V1, node), services: ["x`y`"]).Script);
    }

    [Theory]
    [InlineData(ComposeCommand.Auto, ComposeFlavor.V2, "docker compose")]
    [InlineData(ComposeCommand.Auto, ComposeFlavor.V1, "docker-compose")]
    [InlineData(ComposeCommand.DockerCompose, ComposeFlavor.V1, "docker compose")]
    [InlineData(ComposeCommand.DockerComposeV1, ComposeFlavor.V2, "docker-compose")]
    [InlineData(ComposeCommand.DockerComposeV1, ComposeFlavor.None, "docker-compose")]
    public void Invocation_is_what_the_topology_forces_else_what_was_detected(ComposeCommand forced, ComposeFlavor detected, string expected)
    {
        Assert.Equal(expected, ComposeCommands.Invocation(detected, Nodes.Node(compose: forced)));
    }

    [Fact]
    public void Invocation_without_any_compose_says_which_node_and_what_to_do()
    {
        var error = Assert.Throws<RemoteException>(() => ComposeCommands.Invocation(ComposeFlavor.None, Nodes.Node("gpu")));

        Assert.Contains("Node gpu", error.Message);
        Assert.Contains("compose_command", error.Message);
    }

    [Fact]
    public void Detect_tries_the_v2_plugin_first_then_v1()
    {
        Assert.Equal(
            "if v=$(docker compose version --short 2>/dev/null); then echo compose=v2; printf 'compose_version=%s\\n' \"$v\"; " +
            "elif v=$(docker-compose version --short 2>/dev/null); then echo compose=v1; printf 'compose_version=%s\\n' \"$v\"; " +
            "else echo compose=none; fi",
            ComposeCommands.Detect().Script);
    }

    [Theory]
    [InlineData(ComposeCommand.DockerCompose, "docker compose version", "docker-compose")]
    [InlineData(ComposeCommand.DockerComposeV1, "docker-compose version", "docker compose")]
    public void Detect_for_a_forced_compose_tries_only_that_one(ComposeCommand forced, string tried, string notTried)
    {
        var script = ComposeCommands.Detect(forced).Script;

        Assert.Contains(tried, script);
        Assert.DoesNotContain(notTried, script);
    }

    [Fact]
    public void Ps_finds_the_project_by_label_and_prints_no_container_environment()
    {
        var script = ComposeCommands.Ps().Script;

        Assert.StartsWith(
            "ids=$(docker ps -aq --filter 'label=com.docker.compose.project=ktrdr' --filter label=com.docker.compose.oneoff=False) || exit $?; " +
            "[ -z \"$ids\" ] || exec docker inspect --format '{\"id\":{{json .Id}},",
            script);
        Assert.EndsWith(",\"state\":{{json .State}}}' $ids", script);
        Assert.DoesNotContain(".Config.Env", script);
    }

    [Fact]
    public void Secrets_travel_beside_the_script_never_in_it()
    {
        var up = ComposeCommands.Up(Core(V1)) with { SecretEnvironment = new Dictionary<string, string> { ["DB_USER"] = "ktrdr" } };

        var withSecrets = ComposeCommands.WithSecrets(up, new Dictionary<string, string> { ["DB_PASSWORD"] = "pa55-w0rd!", ["JWT_SECRET"] = "j" + new string('x', 40) });

        Assert.Equal(up.Script, withSecrets.Script);
        Assert.DoesNotContain("pa55-w0rd!", withSecrets.Script);
        Assert.DoesNotContain("DB_PASSWORD", withSecrets.Script);
        Assert.Equal(["DB_PASSWORD", "DB_USER", "JWT_SECRET"], withSecrets.SecretEnvironment.Keys.Order());
        Assert.Equal("pa55-w0rd!", withSecrets.SecretEnvironment["DB_PASSWORD"]);
        Assert.Null(withSecrets.StandardInput);
    }
}
