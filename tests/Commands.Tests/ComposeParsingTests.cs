using Commands.Tests.Support;
using Ktrdr.Deploy.Commands.Compose;
using Ktrdr.Deploy.Commands.Output;

namespace Commands.Tests;

public class ComposeParsingTests
{
    [Fact]
    public void Detection_on_a_node_with_only_docker_compose_v1_is_v1_with_its_version()
    {
        var detected = ComposeCommands.ParseDetection(Sample.Result("detect-v1"));

        Assert.Equal(new DetectedCompose(ComposeFlavor.V1, "1.29.2"), detected);
        Assert.Equal(Sample.Result("docker-compose-version-short").StandardOutput.Trim(), detected.Version);
        Assert.Equal("docker-compose 1.29.2", detected.ToString());
    }

    // `docker compose version --short` prints the bare number since docker/compose#9096 (January 2022, "Return only
    // numbers in short version"); releases before it printed a leading "v". Compose v2 cannot be installed here.
    [Theory]
    [InlineData("2.29.7", "2.29.7")]
    [InlineData("v2.2.3", "2.2.3")]
    public void Detection_of_the_v2_plugin_reads_its_version_with_or_without_a_leading_v(string printed, string version)
    {
        var detected = ComposeCommands.ParseDetection(Sample.Output($"compose=v2\ncompose_version={printed}\n"));

        Assert.Equal(new DetectedCompose(ComposeFlavor.V2, version), detected);
    }

    [Fact]
    public void Detection_with_no_compose_is_none()
    {
        Assert.Equal(DetectedCompose.Nothing, ComposeCommands.ParseDetection(Sample.Output("compose=none\n")));
    }

    [Fact]
    public void Detection_output_of_an_unknown_form_is_an_error_that_shows_it()
    {
        var unknown = Assert.Throws<UnexpectedOutputException>(() => ComposeCommands.ParseDetection(Sample.Output("compose=v3\n")));
        var silent = Assert.Throws<UnexpectedOutputException>(() =>
            ComposeCommands.ParseDetection(Sample.Output("", 127, "sh: 1: docker: not found")));

        Assert.Contains("should be v2, v1 or none, found 'v3'", unknown.Message);
        Assert.Contains("'compose=...' is missing", silent.Message);
        Assert.Contains("exited with code 127", silent.Message);
        Assert.Contains("docker: not found", silent.Message);
    }

    [Fact]
    public void Containers_are_read_from_the_real_listing_sorted_by_service()
    {
        var containers = ComposeCommands.ParseContainers(Sample.Result("compose-ps"));

        Assert.Equal(["backend", "grafana", "migrate", "worker"], containers.Select(c => c.Service));
        Assert.Equal(
            [ContainerHealth.Healthy, ContainerHealth.Unhealthy, ContainerHealth.None, ContainerHealth.None],
            containers.Select(c => c.Health));
        Assert.Equal(["running", "running", "exited", "running"], containers.Select(c => c.State));
        Assert.All(containers, c => Assert.Equal("cmds-busybox:1", c.Image));
        Assert.All(containers, c => Assert.Equal(0, c.ExitCode));
    }

    [Fact]
    public void A_container_keeps_its_id_name_and_creation_time_to_the_tick()
    {
        var backend = ComposeCommands.ParseContainers(Sample.Result("compose-ps")).Single(c => c.Service == "backend");

        Assert.Equal("7bc579f896f2b8a76ef8cea30bd42b633601943329f4a4504d40818430291f24", backend.ContainerId);
        Assert.Equal("ktrdr_backend_1", backend.Name);
        Assert.True(backend.IsRunning);
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 9, 44, 23, TimeSpan.Zero).AddTicks(113312), backend.Created);
    }

    [Fact]
    public void The_config_hash_of_a_container_matches_what_compose_config_hash_prints_for_its_service()
    {
        var hashes = ComposeCommands.ParseConfigHashes(Sample.Result("compose-config-hash"));
        var containers = ComposeCommands.ParseContainers(Sample.Result("compose-ps"));

        Assert.Equal(["backend", "grafana", "migrate", "worker"], hashes.Keys.Order());
        Assert.All(containers, c => Assert.Equal(hashes[c.Service], c.ConfigHash));
    }

    [Fact]
    public void The_listing_never_carries_the_containers_environment()
    {
        // The worker of the recorded project was started with DB_PASSWORD=s3cret in its environment.
        Assert.DoesNotContain("s3cret", Sample.Result("compose-ps").StandardOutput);
    }

    [Fact]
    public void A_project_without_containers_lists_nothing()
    {
        Assert.Empty(ComposeCommands.ParseContainers(Sample.Output("")));
    }

    [Fact]
    public void A_listing_docker_could_not_make_is_an_error_with_dockers_words()
    {
        var error = Assert.Throws<UnexpectedOutputException>(() => ComposeCommands.ParseContainers(
            Sample.Output("", 1, "Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?")));

        Assert.StartsWith("container listing: docker could not list the containers.", error.Message);
        Assert.Contains("Is the docker daemon running?", error.Message);
    }

    [Fact]
    public void A_line_that_is_not_a_container_description_is_an_error()
    {
        var error = Assert.Throws<UnexpectedOutputException>(() => ComposeCommands.ParseContainers(Sample.Output("{\"id\":\"abc\"}\n")));

        Assert.Contains("not the container description", error.Message);
    }

    [Fact]
    public void Config_hashes_of_files_compose_rejects_show_compose_reason()
    {
        var error = Assert.Throws<UnexpectedOutputException>(() =>
            ComposeCommands.ParseConfigHashes(Sample.Result("compose-config-hash-missing-var")));

        Assert.Contains("compose rejected the files", error.Message);
        Assert.Contains("DB_PASSWORD is required", error.Message);
    }
}
