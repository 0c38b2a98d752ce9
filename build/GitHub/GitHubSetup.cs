namespace Ktrdr.Deploy.GitHub;

/// <summary>
/// Whether the GitHub features are on, and the one line that says so for the operator: either the settings to use,
/// or why GitHub is off (<c>GitHub deployments off: GITHUB_TOKEN is not set</c>). The line never holds the token.
/// </summary>
public sealed record GitHubSetup
{
    private GitHubSetup(GitHubSettings? settings, string report)
    {
        Settings = settings;
        Report = report;
    }

    /// <summary>The settings when on; null when off.</summary>
    public GitHubSettings? Settings { get; }

    /// <summary>One line for the log: "GitHub deployments on: owner/name (https://api.github.com/)" or "GitHub deployments off: why".</summary>
    public string Report { get; }

    public bool IsOn => Settings is not null;

    public static GitHubSetup On(GitHubSettings settings) =>
        new(settings, $"GitHub deployments on: {settings.Repository} ({settings.ApiBase.AbsoluteUri})");

    public static GitHubSetup Off(string reason) => new(null, $"GitHub deployments off: {reason}");

    public override string ToString() => Report;
}
