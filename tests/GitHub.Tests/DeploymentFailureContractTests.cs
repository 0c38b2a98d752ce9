using Ktrdr.Deploy.GitHub.Tests.Support;

namespace Ktrdr.Deploy.GitHub.Tests;

/// <summary>GitHub's refusals, served on loopback: each comes back as one warning line, never as an exception.</summary>
public sealed class DeploymentFailureContractTests : IDisposable
{
    private const string Sha = "0123456789abcdef0123456789abcdef01234567";
    private readonly RecordedGitHub github = new();

    public void Dispose() => github.Dispose();

    private Task<DeploymentStart> StartAsync(GitHubSettings? settings = null) =>
        new GitHubDeployments(settings ?? Environments.Settings(github))
            .StartAsync(Sha, "homelab", "Rollout", ["core"], "sha-0123456", CancellationToken.None);

    private static string AssertWarning(DeploymentStart start)
    {
        Assert.Null(start.Handle);
        Assert.NotNull(start.Warning);
        Assert.DoesNotContain(Environments.Token, start.Warning);
        Assert.DoesNotContain('\n', start.Warning);
        return start.Warning;
    }

    [Fact]
    public async Task A_token_without_the_deployments_permission_is_a_warning_saying_which_permission()
    {
        github.Answer("POST", "/repos/kpiteira/ktrdr/deployments", 403, "error-403-not-accessible.json");

        var warning = AssertWarning(await StartAsync());

        Assert.Equal("GitHub deployment not recorded (the deploy goes on): could not create the deployment " +
                     "(POST /repos/kpiteira/ktrdr/deployments): GitHub answered 403 Forbidden \"Resource not accessible by integration\"; " +
                     "the token needs 'deployments: write': in the workflow add 'permissions: deployments: write', " +
                     "or give a fine-grained token the Deployments repository permission (Read and write)", warning);
        Assert.Single(github.Requests);
    }

    [Fact]
    public async Task A_repository_the_token_cannot_see_is_a_warning_naming_it()
    {
        var warning = AssertWarning(await StartAsync());

        Assert.Contains("GitHub answered 404 NotFound \"Not Found\"; check GITHUB_REPOSITORY (kpiteira/ktrdr)", warning);
    }

    [Fact]
    public async Task An_unknown_commit_is_a_warning_saying_to_push_it()
    {
        github.Answer("POST", "/repos/kpiteira/ktrdr/deployments", 422, "error-422-no-ref.json");

        var warning = AssertWarning(await StartAsync());

        Assert.Contains($"422 UnprocessableEntity \"No ref found for: {Sha}\"; check that commit {Sha} is pushed to kpiteira/ktrdr", warning);
    }

    [Fact]
    public async Task A_refused_status_keeps_the_deployment_and_warns_about_the_token()
    {
        github.Answer("POST", "/repos/kpiteira/ktrdr/deployments", 201, "create-deployment-201.json")
              .Answer("POST", "/repos/kpiteira/ktrdr/deployments/1/statuses", 401, "error-401-bad-credentials.json");

        var start = await StartAsync();

        Assert.Equal(1, start.Handle?.Id);
        Assert.Equal("GitHub deployment status not recorded (the deploy goes on): could not post the in_progress status " +
                     "(POST /repos/kpiteira/ktrdr/deployments/1/statuses): GitHub answered 401 Unauthorized \"Bad credentials\"; " +
                     "the token was refused (expired, revoked, or not a GitHub token?): check KTRDR_GITHUB_TOKEN or GITHUB_TOKEN", start.Warning);
    }

    [Fact]
    public async Task A_refused_finish_is_a_warning()
    {
        github.Answer("POST", "/repos/kpiteira/ktrdr/deployments/7/statuses", 403, "error-403-not-accessible.json");

        var warning = await new GitHubDeployments(Environments.Settings(github)).FinishAsync(new DeploymentHandle(7, "homelab", Sha), false, null, "failed");

        Assert.StartsWith("GitHub deployment status not recorded (the deploy goes on): could not post the failure status", warning);
        Assert.Contains("deployments: write", warning);
        Assert.DoesNotContain(Environments.Token, warning);
    }

    [Fact]
    public async Task An_unreachable_github_is_a_warning_naming_the_api_url()
    {
        var nobody = $"http://127.0.0.1:{Standin.Tests.Support.FreePort.Next()}/";
        var settings = GitHubSettings.Read(Environments.Actions(nobody)).Settings!;

        var warning = AssertWarning(await StartAsync(settings));

        Assert.Contains($"GitHub at {nobody} cannot be reached", warning);
    }

    [Fact]
    public async Task The_callers_cancellation_is_not_swallowed()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => new GitHubDeployments(Environments.Settings(github))
            .StartAsync(Sha, "homelab", "Rollout", ["core"], "sha-0123456", cancelled.Token));
    }
}
