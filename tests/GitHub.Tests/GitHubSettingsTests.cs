using Ktrdr.Deploy.GitHub.Tests.Support;

namespace Ktrdr.Deploy.GitHub.Tests;

/// <summary>Reading the GitHub settings from the environment GitHub Actions sets.</summary>
public sealed class GitHubSettingsTests
{
    [Fact]
    public void Under_actions_the_settings_are_on_with_the_repository_and_the_run_page()
    {
        var setup = GitHubSettings.Read(Environments.Actions());

        Assert.True(setup.IsOn);
        var settings = setup.Settings!;
        Assert.Equal(("kpiteira", "ktrdr", "kpiteira/ktrdr"), (settings.Owner, settings.Name, settings.Repository));
        Assert.Equal("https://api.github.com/", settings.ApiBase.AbsoluteUri);
        Assert.Equal(Environments.RunUrl, settings.RunUrl);
        Assert.Equal("GitHub deployments on: kpiteira/ktrdr (https://api.github.com/)", setup.Report);
    }

    [Fact]
    public void Without_github_api_url_the_api_is_api_github_com()
    {
        var environment = Environments.Actions();
        environment.Remove("GITHUB_API_URL");

        Assert.Equal(GitHubSettings.DefaultApiBase, GitHubSettings.Read(environment).Settings!.ApiBase);
    }

    [Fact]
    public void An_enterprise_api_url_is_kept_as_given_and_ends_in_a_slash() =>
        Assert.Equal("https://ghe.example.com/api/v3/",
            GitHubSettings.Read(Environments.Actions("https://ghe.example.com/api/v3")).Settings!.ApiBase.AbsoluteUri);

    [Fact]
    public void Without_a_run_id_there_is_no_run_page()
    {
        var environment = Environments.Actions();
        environment.Remove("GITHUB_RUN_ID");

        Assert.Null(GitHubSettings.Read(environment).Settings!.RunUrl);
    }

    [Fact]
    public void Without_a_server_url_the_run_page_is_on_github_com()
    {
        var environment = Environments.Actions();
        environment.Remove("GITHUB_SERVER_URL");

        Assert.Equal(Environments.RunUrl, GitHubSettings.Read(environment).Settings!.RunUrl);
    }

    [Fact]
    public void Ktrdr_github_token_alone_turns_github_on()
    {
        var environment = Environments.Actions();
        environment.Remove("GITHUB_TOKEN");
        environment["KTRDR_GITHUB_TOKEN"] = Environments.Token;

        Assert.True(GitHubSettings.Read(environment).IsOn);
    }

    [Fact]
    public void The_token_is_in_neither_the_report_nor_the_settings_text()
    {
        var setup = GitHubSettings.Read(Environments.Actions());

        Assert.DoesNotContain(Environments.Token, setup.Report + setup + setup.Settings);
        Assert.Equal("GitHub kpiteira/ktrdr at https://api.github.com/ (token set)", setup.Settings!.ToString());
    }

    [Fact]
    public void The_process_environment_can_be_read_directly() =>
        Assert.NotNull(GitHubSettings.ReadProcess().Report);
}
