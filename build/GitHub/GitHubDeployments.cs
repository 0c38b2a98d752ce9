using Octokit;

namespace Ktrdr.Deploy.GitHub;

/// <summary>
/// Records a deploy on GitHub: a Deployment of the commit to the environment, marked in_progress when the deploy
/// starts and success or failure (with the environment's address and the run's log) when it ends. Whatever GitHub
/// answers, the deploy goes on: a failed call comes back as a one-line warning, never as an exception.
/// </summary>
public sealed class GitHubDeployments
{
    private readonly GitHubSettings settings;
    private readonly IGitHubClient client;

    public GitHubDeployments(GitHubSettings settings)
    {
        this.settings = settings;
        client = GitHubClientFactory.Create(settings);
    }

    /// <summary>Creates the deployment of <paramref name="gitRef"/> (a commit sha) and posts in_progress.</summary>
    public async Task<DeploymentStart> StartAsync(string gitRef, string environment, string description,
        IReadOnlyList<string> nodes, string tag, CancellationToken ct)
    {
        Deployment deployment;
        try
        {
            var request = DeploymentRequests.Deployment(gitRef, environment, description, nodes, tag);
            deployment = await client.Repository.Deployment.Create(settings.Owner, settings.Name, request).WaitAsync(ct);
        }
        catch (Exception e) when (IsGitHubProblem(e, ct))
        {
            return new DeploymentStart(null, Warning("deployment not recorded", GitHubCall.CreateDeployment(settings.Repository, gitRef), e));
        }

        var handle = new DeploymentHandle(deployment.Id, environment, gitRef);
        var warning = await PostAsync(handle, DeploymentRequests.InProgress(description, settings.RunUrl), "in_progress", ct);
        return new DeploymentStart(handle, warning);
    }

    /// <summary>
    /// Posts success or failure to the deployment <see cref="StartAsync"/> created; null when it worked, else the
    /// warning. A null handle (the start did not record anything) posts nothing.
    /// </summary>
    public Task<string?> FinishAsync(DeploymentHandle? handle, bool success, string? environmentUrl, string description,
        CancellationToken ct = default) =>
        handle is null
            ? Task.FromResult<string?>(null)
            : PostAsync(handle, DeploymentRequests.Finished(success, description, environmentUrl, settings.RunUrl), success ? "success" : "failure", ct);

    private async Task<string?> PostAsync(DeploymentHandle handle, NewDeploymentStatus status, string state, CancellationToken ct)
    {
        try
        {
            await client.Repository.Deployment.Status.Create(settings.Owner, settings.Name, handle.Id, status).WaitAsync(ct);
            return null;
        }
        catch (Exception e) when (IsGitHubProblem(e, ct))
        {
            return Warning("deployment status not recorded", GitHubCall.CreateStatus(settings.Repository, handle.Id, state), e);
        }
    }

    private string Warning(string what, GitHubCall call, Exception e) =>
        settings.Redact($"GitHub {what} (the deploy goes on): {GitHubProblem.Describe(call, e, settings.ApiBase)}");

    /// <summary>Anything but the caller's own cancellation is GitHub's problem, not the deploy's.</summary>
    internal static bool IsGitHubProblem(Exception e, CancellationToken ct) => !(e is OperationCanceledException && ct.IsCancellationRequested);
}
