using Octokit;

namespace Ktrdr.Deploy.GitHub;

/// <summary>
/// Resolves <c>--tag latest-green</c>: the newest push run of the image workflow on the branch that succeeded, and
/// the tag CI gave its commit (<c>sha-&lt;7 hex&gt;</c>). GitHub's own filters pick the run (branch, event push,
/// status success, newest first); nothing here throws for GitHub's answers: the result says why there is no tag.
/// </summary>
public sealed class LatestGreen
{
    /// <summary>The value of <c>--tag</c> that asks for this resolution.</summary>
    public const string Keyword = "latest-green";

    private readonly GitHubSettings settings;
    private readonly IGitHubClient client;

    public LatestGreen(GitHubSettings settings)
    {
        this.settings = settings;
        client = GitHubClientFactory.Create(settings);
    }

    public static bool IsRequested(string? tag) => string.Equals(tag, Keyword, StringComparison.OrdinalIgnoreCase);

    public async Task<LatestGreenResult> ResolveAsync(string owner, string repo, string workflowFile = "build-images.yml",
        string branch = "main", CancellationToken ct = default)
    {
        var call = GitHubCall.ListRuns($"{owner}/{repo}", workflowFile, branch);
        var request = new WorkflowRunsRequest { Branch = branch, Event = "push", Status = CheckRunStatusFilter.Success };
        WorkflowRunsResponse runs;
        try
        {
            runs = await client.Actions.Workflows.Runs
                .ListByWorkflow(owner, repo, workflowFile, request, new ApiOptions { PageSize = 1, PageCount = 1, StartPage = 1 })
                .WaitAsync(ct);
        }
        catch (Exception e) when (GitHubDeployments.IsGitHubProblem(e, ct))
        {
            return LatestGreenResult.None(settings.Redact($"--tag {Keyword}: {GitHubProblem.Describe(call, e, settings.ApiBase)}"));
        }

        if (runs.WorkflowRuns.FirstOrDefault() is not { } run)
            return LatestGreenResult.None(
                $"--tag {Keyword}: no successful run of {workflowFile} for a push to {branch} in {owner}/{repo}; " +
                "build and push images first (it runs on every push to main), or pass --tag sha-<7 chars>");
        return ShaTag.From(run.HeadSha) is { } tag
            ? LatestGreenResult.Green(tag, run.HeadSha, run.HtmlUrl)
            : LatestGreenResult.None($"--tag {Keyword}: run {run.HtmlUrl} names no commit sha ('{run.HeadSha}')");
    }
}
