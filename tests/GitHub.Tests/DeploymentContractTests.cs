using System.Text.Json;
using Ktrdr.Deploy.GitHub.Tests.Support;

namespace Ktrdr.Deploy.GitHub.Tests;

/// <summary>
/// Recording a deploy, against GitHub's documented answers (Recorded/README.md) served on loopback: the requests
/// Octokit sends for it and how the answers are read.
/// </summary>
public sealed class DeploymentContractTests : IDisposable
{
    private const string Sha = "acb5820ced9479c074f688cc328bf03f341a511d";
    private readonly RecordedGitHub github = new RecordedGitHub()
        .Answer("POST", "/repos/kpiteira/ktrdr/deployments", 201, "create-deployment-201.json")
        .Answer("POST", "/repos/kpiteira/ktrdr/deployments/1/statuses", 201, "create-deployment-status-201.json");

    public void Dispose() => github.Dispose();

    private Task<DeploymentStart> StartAsync(string environment = "homelab") =>
        new GitHubDeployments(Environments.Settings(github))
            .StartAsync(Sha, environment, "DeployWorkers sha-acb5820", ["workers-a", "workers-b"], "sha-acb5820", CancellationToken.None);

    private static JsonElement Body(SeenRequest request) => JsonDocument.Parse(request.Body).RootElement;

    [Fact]
    public async Task Start_creates_a_deployment_of_the_commit_that_no_status_check_blocks()
    {
        var start = await StartAsync();

        var create = github.Requests[0];
        Assert.Equal(("POST", "/repos/kpiteira/ktrdr/deployments"), (create.Method, create.Path));
        var body = Body(create);
        Assert.Equal(Sha, body.GetProperty("ref").GetString());
        Assert.Equal("homelab", body.GetProperty("environment").GetString());
        Assert.Equal(JsonValueKind.Array, body.GetProperty("required_contexts").ValueKind);
        Assert.Equal(0, body.GetProperty("required_contexts").GetArrayLength());
        Assert.False(body.GetProperty("auto_merge").GetBoolean());
        Assert.False(body.GetProperty("transient_environment").GetBoolean());
        Assert.True(body.GetProperty("production_environment").GetBoolean());
        Assert.Equal("deploy", body.GetProperty("task").GetString());
        Assert.Equal("DeployWorkers sha-acb5820", body.GetProperty("description").GetString());
        Assert.Equal("workers-a,workers-b", body.GetProperty("payload").GetProperty("nodes").GetString());
        Assert.Equal("sha-acb5820", body.GetProperty("payload").GetProperty("tag").GetString());
        Assert.Equal(new DeploymentStart(new DeploymentHandle(1, "homelab", Sha), null), start);
    }

    [Fact]
    public async Task Start_marks_the_deployment_in_progress_with_the_runs_log()
    {
        await StartAsync();

        var status = github.Requests[1];
        Assert.Equal(("POST", "/repos/kpiteira/ktrdr/deployments/1/statuses"), (status.Method, status.Path));
        var body = Body(status);
        Assert.Equal("in_progress", body.GetProperty("state").GetString());
        Assert.Equal(Environments.RunUrl, body.GetProperty("log_url").GetString());
        Assert.Equal("DeployWorkers sha-acb5820", body.GetProperty("description").GetString());
        Assert.Equal(2, github.Requests.Count);
    }

    [Fact]
    public async Task A_lab_deployment_is_not_production()
    {
        await StartAsync("lab");

        Assert.False(Body(github.Requests[0]).GetProperty("production_environment").GetBoolean());
    }

    [Fact]
    public async Task Every_request_carries_the_token_in_the_authorization_header()
    {
        var start = await StartAsync();
        await new GitHubDeployments(Environments.Settings(github)).FinishAsync(start.Handle, true, null, "done");

        Assert.Equal(3, github.Requests.Count);
        Assert.All(github.Requests, r => Assert.Matches($"^(?i:token|bearer) {Environments.Token}$", r.Authorization));
    }

    [Theory]
    [InlineData(true, "success")]
    [InlineData(false, "failure")]
    public async Task Finish_posts_the_outcome_with_the_environment_url_and_the_runs_log(bool success, string state)
    {
        var deployments = new GitHubDeployments(Environments.Settings(github));

        var warning = await deployments.FinishAsync(new DeploymentHandle(1, "homelab", Sha), success, "http://backend.homelab:8000", "3 nodes deployed");

        Assert.Null(warning);
        var status = Assert.Single(github.Requests);
        Assert.Equal(("POST", "/repos/kpiteira/ktrdr/deployments/1/statuses"), (status.Method, status.Path));
        var body = Body(status);
        Assert.Equal(state, body.GetProperty("state").GetString());
        Assert.Equal("http://backend.homelab:8000", body.GetProperty("environment_url").GetString());
        Assert.Equal(Environments.RunUrl, body.GetProperty("log_url").GetString());
        Assert.Equal("3 nodes deployed", body.GetProperty("description").GetString());
    }

    [Fact]
    public async Task Finish_without_a_deployment_sends_nothing()
    {
        Assert.Null(await new GitHubDeployments(Environments.Settings(github)).FinishAsync(null, true, null, "done"));

        Assert.Empty(github.Requests);
    }

    [Fact]
    public async Task The_preferred_token_is_ktrdr_github_token()
    {
        var environment = Environments.Actions(github.ApiUrl);
        environment["KTRDR_GITHUB_TOKEN"] = "github_pat_preferred";

        await new GitHubDeployments(GitHubSettings.Read(environment).Settings!).FinishAsync(new DeploymentHandle(1, "lab", Sha), true, null, "ok");

        Assert.EndsWith(" github_pat_preferred", Assert.Single(github.Requests).Authorization);
    }
}
