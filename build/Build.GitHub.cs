using BuildEngine;
using Ktrdr.Build.Support;
using Ktrdr.Deploy.GitHub;
using Ktrdr.Deploy.Topology;
using Serilog;

namespace Ktrdr.Build;

/// <summary>
/// GitHub, when a token and repository are present (GITHUB_TOKEN or KTRDR_GITHUB_TOKEN, GITHUB_REPOSITORY; Actions sets
/// the repository, the workflow passes the token): deploys are recorded as GitHub Deployments with their statuses, and
/// <c>--tag latest-green</c> is the newest commit on main whose build-images run succeeded. Off otherwise, and said so;
/// GitHub failing never fails a deploy.
/// </summary>
partial class Build
{
    readonly Lazy<GitHubSetup> GitHubState = new(GitHubSettings.ReadProcess);
    LatestGreenResult? LatestGreenCommit;

    /// <summary>--tag as given, or the tag latest-green resolves to (asked once per run); null without --tag.</summary>
    string? RequestedTag()
    {
        if (!LatestGreen.IsRequested(Tag)) return Tag;
        if (LatestGreenCommit is null)
        {
            var setup = GitHubState.Value;
            if (!setup.IsOn)
                throw new BuildFailedException($"--tag latest-green asks GitHub for the newest green build of main, but {setup.Report}. " +
                                               "Export GITHUB_TOKEN (actions: read) and GITHUB_REPOSITORY=owner/name, or give the tag itself (--tag sha-xxxxxxx)");
            var result = new LatestGreen(setup.Settings!).ResolveAsync(setup.Settings!.Owner, setup.Settings.Name).GetAwaiter().GetResult();
            if (!result.Found) throw new BuildFailedException($"--tag latest-green: {result.Error}");
            Log.Information("--tag latest-green is {Tag}: commit {Sha} built green by {Run}", result.Tag, result.Sha, result.RunUrl ?? "build-images");
            LatestGreenCommit = result;
        }
        return LatestGreenCommit.Tag;
    }

    /// <summary>Runs a deploy, recorded as a GitHub Deployment (in_progress, then success or failure) when GitHub is on.</summary>
    async Task<T> WithGitHubDeploymentAsync<T>(EnvironmentTopology env, string target, IReadOnlyList<NodeSpec> nodes, Func<Task<T>> action, CancellationToken ct)
    {
        var setup = GitHubState.Value;
        if (!setup.IsOn)
        {
            Log.Information("{Report}: this deploy is not recorded on GitHub", setup.Report);
            return await action();
        }
        var github = new GitHubDeployments(setup.Settings!);
        var names = nodes.Select(n => n.Name).ToList();
        var start = await github.StartAsync(LatestGreenCommit?.Sha ?? GitRevision.FullSha(RootDirectory), env.Name,
            $"{target} {ResolvedTag} to {string.Join(",", names)}", names, ResolvedTag, ct);
        if (start.Warning is { } warning) Log.Warning("{Warning}", warning);
        else Log.Information("GitHub deployment {Id} to {Environment}: in_progress", start.Handle?.Id, env.Name);
        var succeeded = false;
        try
        {
            var result = await action();
            succeeded = true;
            return result;
        }
        finally
        {
            var url = $"http://{CoreNode(env).Host}:{CoreEndpoints.BackendPort}";
            var finished = await github.FinishAsync(start.Handle, succeeded, url, $"{target} {(succeeded ? "succeeded" : "failed")}", CancellationToken.None);
            if (finished is not null) Log.Warning("{Warning}", finished);
            else if (start.Handle is not null) Log.Information("GitHub deployment {Id}: {State}", start.Handle.Id, succeeded ? "success" : "failure");
        }
    }
}
