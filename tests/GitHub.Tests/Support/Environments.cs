namespace Ktrdr.Deploy.GitHub.Tests.Support;

/// <summary>Environments as GitHub Actions sets them, with a token the tests search every output for.</summary>
internal static class Environments
{
    public const string Token = "ghs_T0kenThatMustNeverBePrinted0123456789";
    public const string Repository = "kpiteira/ktrdr";
    public const string RunUrl = "https://github.com/kpiteira/ktrdr/actions/runs/987654321";

    public static Dictionary<string, string> Actions(string? apiUrl = null) => new()
    {
        ["GITHUB_TOKEN"] = Token,
        ["GITHUB_REPOSITORY"] = Repository,
        ["GITHUB_SERVER_URL"] = "https://github.com",
        ["GITHUB_RUN_ID"] = "987654321",
        ["GITHUB_API_URL"] = apiUrl ?? "https://api.github.com",
    };

    /// <summary>Settings pointed at the recorded server.</summary>
    public static GitHubSettings Settings(RecordedGitHub github) =>
        GitHubSettings.Read(Actions(github.ApiUrl)).Settings ?? throw new InvalidOperationException("settings are off");
}
