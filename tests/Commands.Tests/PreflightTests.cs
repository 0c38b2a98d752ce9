using Commands.Tests.Support;
using Ktrdr.Deploy.Commands.Compose;
using Ktrdr.Deploy.Commands.Output;
using Ktrdr.Deploy.Commands.Preflight;
using Ktrdr.Deploy.Topology;

namespace Commands.Tests;

public class PreflightTests
{
    private static readonly NodeSpec Gpu = Nodes.Node("gpu", deployDirectory: "/opt/ktrdr-gpu");

    [Fact]
    public void A_ready_node_passes_and_reports_what_it_found()
    {
        var preflight = PreflightCommands.ParsePreflight(Sample.Result("preflight-root-ok"), Gpu);

        Assert.True(preflight.Passed, string.Join("; ", preflight.Failures));
        Assert.Equal(DockerAccess.Reachable, preflight.Docker);
        Assert.Equal("20.10.24+dfsg1", preflight.DockerVersion);
        Assert.Equal(new DetectedCompose(ComposeFlavor.V1, "1.29.2"), preflight.Compose);
        Assert.Equal(78.5, preflight.FreeDiskGb, 1);
        Assert.True(preflight.IsRoot);
        Assert.False(preflight.DeployDirectoryExists);
        Assert.True(preflight.DeployDirectoryWritable);
    }

    [Fact]
    public void Low_disk_names_the_node_the_numbers_and_the_topology_field()
    {
        var preflight = PreflightCommands.ParsePreflight(Sample.Result("preflight-root-ok"), Nodes.Node("workers-b", minFreeDiskGb: 100));

        var failure = Assert.Single(preflight.Failures);
        Assert.StartsWith("free disk on workers-b is 78.5 GB, below the 100 GB the topology asks (min_free_disk_gb)", failure);
    }

    [Fact]
    public void Docker_refusing_the_user_says_to_add_the_user_to_the_docker_group()
    {
        var preflight = PreflightCommands.ParsePreflight(Sample.Result("preflight-nobody-denied"), Gpu);

        Assert.Equal(DockerAccess.Unreachable, preflight.Docker);
        Assert.Equal(65534, preflight.Uid);
        Assert.False(preflight.DeployDirectoryWritable);
        Assert.Equal(
            "docker is not reachable for user nobody on gpu: add the user to the docker group (usermod -aG docker nobody) and open a new session",
            Assert.Single(preflight.Failures));
    }

    [Theory]
    [InlineData("preflight-daemon-down")]
    [InlineData("preflight-daemon-down-cli2010")]
    public void A_stopped_daemon_says_to_start_it_with_dockers_own_words(string sample)
    {
        var preflight = PreflightCommands.ParsePreflight(Sample.Result(sample), Gpu);

        Assert.Equal(
            "the docker daemon on gpu does not answer user root (Cannot connect to the Docker daemon at unix:///var/run/docker.sock. " +
            "Is the docker daemon running?): start it (systemctl start docker)",
            Assert.Single(preflight.Failures));
    }

    [Fact]
    public void A_node_without_docker_or_compose_gets_one_sentence_for_each()
    {
        var preflight = PreflightCommands.ParsePreflight(Sample.Result("preflight-no-docker"), Gpu);

        Assert.Equal(DockerAccess.Missing, preflight.Docker);
        Assert.Equal(
            [
                "docker is not installed on gpu: install Docker Engine (Debian: apt-get install docker.io)",
                "neither 'docker compose' (v2) nor 'docker-compose' (v1) works on gpu: install the compose plugin (docker-compose-plugin) or docker-compose",
            ],
            preflight.Failures);
    }

    [Theory]
    [InlineData(ComposeCommand.DockerCompose, "compose_command: docker-compose for gpu, but 'docker compose' (v2) does not work there")]
    [InlineData(ComposeCommand.DockerComposeV1, "compose_command: docker-compose-v1 for gpu, but 'docker-compose' does not work there")]
    public void A_forced_compose_that_does_not_work_points_at_the_topology_setting(ComposeCommand forced, string expected)
    {
        var preflight = PreflightCommands.ParsePreflight(Sample.Result("preflight-no-docker"), Nodes.Node("gpu", compose: forced));

        Assert.Contains(preflight.Failures, failure => failure.Contains(expected));
    }

    [Fact]
    public void The_check_probes_only_the_compose_the_topology_forces()
    {
        var script = PreflightCommands.Check(Nodes.Node(compose: ComposeCommand.DockerCompose, deployDirectory: "/opt/my dir")).Script;

        Assert.StartsWith("d='/opt/my dir'; ", script);
        Assert.Contains("docker compose version --short", script);
        Assert.DoesNotContain("docker-compose version", script);
    }

    [Fact]
    public void Output_missing_a_fact_is_an_error_naming_it()
    {
        var truncated = Sample.Output("uid=0\nuser=root\ndocker=ok\ncompose=none\ndeploy_dir_exists=no\n");

        var error = Assert.Throws<UnexpectedOutputException>(() => PreflightCommands.ParsePreflight(truncated, Gpu));

        Assert.StartsWith("pre-flight of gpu: the line 'free_kb=...' is missing.", error.Message);
    }

    [Fact]
    public void A_fact_of_the_wrong_form_is_an_error_showing_it()
    {
        var odd = Sample.Result("preflight-root-ok");
        odd = odd with { StandardOutput = odd.StandardOutput.Replace("deploy_dir_exists=no", "deploy_dir_exists=maybe") };

        var error = Assert.Throws<UnexpectedOutputException>(() => PreflightCommands.ParsePreflight(odd, Gpu));

        Assert.Contains("'deploy_dir_exists' should be yes or no, found 'maybe'", error.Message);
    }
}
