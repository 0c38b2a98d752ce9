using Ktrdr.Deploy.Commands.Output;
using Ktrdr.Deploy.Commands.Swarm;
using Ktrdr.Deploy.Remote;

namespace Commands.Tests.Swarm;

public class SwarmCommandTests
{
    private const string Token = "SWMTKN-1-3pu6hszjas19xyp7ghgosyx9k8atbfcr8p2is99znpy26u2lkl-1awxwuwd3z9j1z3puu7rcgdbx";

    private static CommandResult Ok(string output) => new(0, output, "", TimeSpan.Zero);

    [Fact]
    public void The_state_of_a_node_in_no_swarm_is_inactive()
    {
        var state = SwarmState.Parse("core", Ok("""{"NodeID":"","NodeAddr":"","LocalNodeState":"inactive","ControlAvailable":false,"Error":"","RemoteManagers":null}"""));

        Assert.True(state.IsInactive);
        Assert.False(state.IsActive);
        Assert.Empty(state.ManagerAddresses);
    }

    [Fact]
    public void The_state_of_a_worker_names_its_managers()
    {
        // docker info on workers-b of the lab after joining core (docker 20.10.24)
        var state = SwarmState.Parse("workers-b", Ok("""{"NodeID":"nwjxazbj3dgzaa2riumhxhl79","NodeAddr":"172.26.81.11","LocalNodeState":"active","ControlAvailable":false,"Error":"","RemoteManagers":[{"NodeID":"z2n2hbrvf0utj2lamoqx62d3u","Addr":"172.26.81.10:2377"}]}""" + "\n"));

        Assert.True(state.IsActive);
        Assert.False(state.IsManager);
        Assert.Equal("nwjxazbj3dgzaa2riumhxhl79", state.NodeId);
        Assert.Equal(["172.26.81.10:2377"], state.ManagerAddresses);
    }

    [Fact]
    public void A_state_that_is_not_json_is_an_error_showing_what_was_printed()
    {
        var error = Assert.Throws<UnexpectedOutputException>(() => SwarmState.Parse("core", Ok("Cannot connect to the Docker daemon")));

        Assert.Contains("the swarm state of core", error.Message);
        Assert.Contains("Cannot connect", error.Message);
    }

    [Fact]
    public void Init_advertises_the_address_given_or_resolves_a_name_on_the_node()
    {
        Assert.Equal("addr='172.26.81.10' && docker swarm init --advertise-addr \"$addr\" >/dev/null", SwarmCommands.Init("172.26.81.10").Script);
        Assert.Contains("getent ahostsv4 'core.example'", SwarmCommands.Init("core.example").Script);
    }

    [Fact]
    public void Join_passes_the_token_on_standard_input_never_in_the_command_line_or_description()
    {
        var join = SwarmCommands.Join(Token, "172.26.81.10", "172.26.81.11");

        Assert.Equal(Token, join.SecretEnvironment["KTRDR_SWARM_TOKEN"]);
        Assert.DoesNotContain(Token, join.Script + join.Description);
        Assert.DoesNotContain("--token", join.Script);
        Assert.Contains("KTRDR_SWARM_MANAGER='172.26.81.10:2377'", join.Script);
        Assert.Contains("KTRDR_SWARM_ADVERTISE='172.26.81.11'", join.Script);
        Assert.Contains("POST /v1.41/swarm/join", join.Script);
    }

    [Theory]
    [InlineData("")]
    [InlineData("SWMTKN-1-abc\nrm -rf /")]
    [InlineData("tok\"en")]
    public void Join_refuses_what_is_not_a_swarm_token_without_showing_it(string token)
    {
        var error = Assert.Throws<ArgumentException>(() => SwarmCommands.Join(token, "10.0.0.1", "10.0.0.2"));

        Assert.Contains("not a swarm token", error.Message);
        if (token.Length > 0) Assert.DoesNotContain(token, error.Message);
    }

    [Fact]
    public void Labels_are_added_in_one_update_each_quoted()
    {
        var update = SwarmCommands.AddLabels("nwjx", new Dictionary<string, string> { ["ktrdr.role"] = "workers", ["ktrdr.node"] = "workers-b" });

        Assert.Equal("docker node update --label-add 'ktrdr.node=workers-b' --label-add 'ktrdr.role=workers' 'nwjx' >/dev/null", update.Script);
    }

    [Fact]
    public void A_secret_is_created_from_standard_input()
    {
        var create = SwarmCommands.CreateSecret("ktrdr_DB_PASSWORD_3f2a9c1b7e0d", "DB_PASSWORD", "pa$$ 'word'");

        Assert.Equal("docker secret create --label 'ktrdr.secret=DB_PASSWORD' 'ktrdr_DB_PASSWORD_3f2a9c1b7e0d' - >/dev/null", create.Script);
        Assert.Equal("pa$$ 'word'", create.StandardInput);
        Assert.DoesNotContain("word", create.Description);
        Assert.Throws<ArgumentException>(() => SwarmCommands.CreateSecret("ktrdr_X_e3b0c44298fc", "X", ""));
    }

    [Fact]
    public void The_stack_is_deployed_with_the_registry_login_and_pruned()
    {
        var deploy = SwarmCommands.StackDeploy("/opt/ktrdr-core", "docker-stack.deployed.yml", "ktrdr");

        Assert.Equal("cd -- '/opt/ktrdr-core' && docker stack deploy --prune --with-registry-auth -c 'docker-stack.deployed.yml' 'ktrdr'", deploy.Script);
        Assert.DoesNotContain("--detach", deploy.Script);   // docker 20.10 has no --detach=false: the deploy waits itself
    }

    [Fact]
    public void The_stack_status_is_read_service_by_service()
    {
        var output = string.Join("\n",
            "ktrdr_db\t1/1", "ktrdr_backend\t0/1", "ktrdr_workers-b-backtest-worker-1\t1/1",
            "--tasks--",
            "ktrdr_db.1\tRunning\tRunning 2 minutes ago\t",
            "ktrdr_backend.1\tRunning\tStarting 5 seconds ago\t",
            "ktrdr_backend.1\tShutdown\tFailed 20 seconds ago\ttask: non-zero exit (1)",
            "ktrdr_workers-b-backtest-worker-1.1\tRunning\tRunning 1 minute ago\t",
            "--updates--",
            "ktrdr_db\t", "ktrdr_backend\tupdating", "ktrdr_workers-b-backtest-worker-1\trollback_completed", "");

        var services = StackServicesOutput.Parse(Ok(output));

        Assert.Equal(3, services.Count);
        Assert.Equal(new StackService("ktrdr_db", 1, 1, "", "Running 2 minutes ago", ""), services[0]);
        Assert.Equal(new StackService("ktrdr_backend", 0, 1, "updating", "Starting 5 seconds ago", ""), services[1]);
        Assert.Equal("rollback_completed", services[2].UpdateState);
        Assert.Equal("workers-b-backtest-worker-1", services[2].ShortName("ktrdr"));
    }

    [Fact]
    public void No_stack_reads_as_no_services()
    {
        Assert.Empty(StackServicesOutput.Parse(Ok("--tasks--\n--updates--\n")));
    }

    [Fact]
    public void A_compose_project_goes_down_by_its_label_keeping_volumes()
    {
        var down = SwarmCommands.ComposeProjectDown("ktrdr");

        Assert.Contains("label=com.docker.compose.project=$p", down.Script);
        Assert.Contains("docker stop $ids", down.Script);
        Assert.DoesNotContain("--volumes", down.Script);
        Assert.DoesNotContain("volume rm", down.Script);
        Assert.Contains("!= bridge ] || docker network rm \"${p}_default\"", down.Script);
    }
}
