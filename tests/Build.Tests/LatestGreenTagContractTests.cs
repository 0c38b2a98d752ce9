using Ktrdr.Deploy.GitHub.Tests.Support;

namespace Build.Tests;

/// <summary>
/// <c>--tag latest-green</c> through the real build process, against GitHub's recorded workflow-runs answer on loopback
/// (GitHub cannot be reached here), and what the operator sees when GitHub is off.
/// </summary>
public sealed class LatestGreenTagContractTests : IDisposable
{
    private const string Token = "ghs_LatestGreenTokenNeverPrinted000000001";
    private readonly BuildSandbox sandbox = new();
    private readonly RecordedGitHub github = new();

    public void Dispose()
    {
        github.Dispose();
        sandbox.Dispose();
    }

    [Fact]
    public async Task The_newest_green_build_of_main_becomes_the_tag_the_build_renders_with()
    {
        github.Answer("GET", "/repos/kpiteira/ktrdr/actions/workflows/build-images.yml/runs", 200, "list-workflow-runs-200.json");

        var run = await sandbox.RunAsync(["RenderConfigs", "--environment", "lab", "--tag", "latest-green"], new Dictionary<string, string?>
        {
            ["GITHUB_TOKEN"] = Token, ["GITHUB_REPOSITORY"] = "kpiteira/ktrdr", ["GITHUB_API_URL"] = github.ApiUrl,
        });

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("--tag latest-green is sha-acb5820: commit acb5820ced9479c074f688cc328bf03f341a511d", run.Output);
        Assert.Contains("with tag sha-acb5820", run.Output);
        Assert.DoesNotContain(Token, run.Output);
        Assert.Single(github.Requests);
    }

    [Fact]
    public async Task Without_a_GitHub_token_latest_green_stops_with_what_to_export()
    {
        var run = await sandbox.RunAsync(["RenderConfigs", "--environment", "lab", "--tag", "latest-green"],
            new Dictionary<string, string?> { ["GITHUB_TOKEN"] = null, ["KTRDR_GITHUB_TOKEN"] = null, ["GITHUB_REPOSITORY"] = "kpiteira/ktrdr" });

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("GitHub deployments off: GITHUB_TOKEN is not set", run.Output);
        Assert.Contains("--tag sha-xxxxxxx", run.Output);
        Assert.DoesNotContain("   at ", run.Output);
    }
}
