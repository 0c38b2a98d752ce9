using BuildEngine;
using Ktrdr.Deploy.EntryPoints;
using Ktrdr.Deploy.GitHub;

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
    string? RequestedTag() => LatestGreen.IsRequested(Tag) ? (LatestGreenCommit ??= LatestGreenTag.Resolve(GitHubState.Value)).Tag : Tag;
}
