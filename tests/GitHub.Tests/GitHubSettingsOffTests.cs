using Ktrdr.Deploy.GitHub.Tests.Support;

namespace Ktrdr.Deploy.GitHub.Tests;

/// <summary>When GitHub stays off, one line says why.</summary>
public sealed class GitHubSettingsOffTests
{
    private static GitHubSetup Read(Action<Dictionary<string, string>> change)
    {
        var environment = Environments.Actions();
        change(environment);
        return GitHubSettings.Read(environment);
    }

    [Fact]
    public void No_token_turns_github_off_saying_so() =>
        AssertOff("GitHub deployments off: GITHUB_TOKEN is not set", Read(e => e.Remove("GITHUB_TOKEN")));

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void A_blank_token_is_no_token(string token) =>
        AssertOff("GitHub deployments off: GITHUB_TOKEN is not set", Read(e => e["GITHUB_TOKEN"] = token));

    [Fact]
    public void An_empty_environment_turns_github_off() =>
        AssertOff("GitHub deployments off: GITHUB_TOKEN is not set", GitHubSettings.Read(new Dictionary<string, string>()));

    [Fact]
    public void No_repository_turns_github_off_saying_so() =>
        AssertOff("GitHub deployments off: GITHUB_REPOSITORY is not set", Read(e => e.Remove("GITHUB_REPOSITORY")));

    [Theory]
    [InlineData("ktrdr")]
    [InlineData("kpiteira/ktrdr/extra")]
    [InlineData("/ktrdr")]
    [InlineData("kpiteira/")]
    [InlineData("kpi teira/ktrdr")]
    [InlineData("https://github.com/kpiteira/ktrdr")]
    public void A_repository_that_is_not_owner_slash_name_turns_github_off_naming_it(string repository) =>
        AssertOff($"GitHub deployments off: GITHUB_REPOSITORY '{repository}' is not owner/name",
            Read(e => e["GITHUB_REPOSITORY"] = repository));

    [Theory]
    [InlineData("not a url")]
    [InlineData("ftp://api.github.com/")]
    public void An_api_url_that_is_not_http_turns_github_off_naming_it(string api) =>
        AssertOff($"GitHub deployments off: GITHUB_API_URL '{api}' is not an http(s) address", Read(e => e["GITHUB_API_URL"] = api));

    private static void AssertOff(string report, GitHubSetup setup)
    {
        Assert.False(setup.IsOn);
        Assert.Null(setup.Settings);
        Assert.Equal(report, setup.Report);
        Assert.Equal(report, setup.ToString());
        Assert.DoesNotContain(Environments.Token, report);
    }
}
