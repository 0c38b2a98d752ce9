namespace Ktrdr.Deploy.GitHub;

/// <summary>
/// One request to GitHub, described for the operator: what it does, its method and path, the token permission it
/// needs, and what to check when GitHub says 404 (not found) or 422 (invalid).
/// </summary>
public sealed record GitHubCall(string Purpose, string Method, string Path, string Permission, string NotFoundHint, string InvalidHint)
{
    public static GitHubCall CreateDeployment(string repository, string sha) => new(
        "create the deployment", "POST", $"/repos/{repository}/deployments", "deployments: write",
        $"check GITHUB_REPOSITORY ({repository}) and that the token belongs to that repository",
        $"check that commit {sha} is pushed to {repository}");

    public static GitHubCall CreateStatus(string repository, long deploymentId, string state) => new(
        $"post the {state} status", "POST", $"/repos/{repository}/deployments/{deploymentId}/statuses", "deployments: write",
        $"deployment {deploymentId} no longer exists in {repository} (deleted?)",
        "check the environment URL and the run URL are full http(s) addresses");

    public static GitHubCall ListRuns(string repository, string workflowFile, string branch) => new(
        $"list the successful {workflowFile} runs on {branch}", "GET", $"/repos/{repository}/actions/workflows/{workflowFile}/runs",
        "actions: read",
        $"check that .github/workflows/{workflowFile} exists on {repository}'s default branch and GITHUB_REPOSITORY is right",
        $"check the branch name '{branch}'");
}
