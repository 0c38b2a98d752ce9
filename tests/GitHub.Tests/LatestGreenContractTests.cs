using Ktrdr.Deploy.GitHub.Tests.Support;

namespace Ktrdr.Deploy.GitHub.Tests;

/// <summary>Resolving --tag latest-green against GitHub's documented workflow-runs answer, served on loopback.</summary>
public sealed class LatestGreenContractTests : IDisposable
{
    private const string Runs = "/repos/kpiteira/ktrdr/actions/workflows/build-images.yml/runs";
    private readonly RecordedGitHub github = new();

    public void Dispose() => github.Dispose();

    private Task<LatestGreenResult> ResolveAsync() =>
        new LatestGreen(Environments.Settings(github)).ResolveAsync("kpiteira", "ktrdr");

    private static Dictionary<string, string> Query(SeenRequest request) =>
        request.Query.TrimStart('?').Split('&').Select(p => p.Split('=')).ToDictionary(p => p[0], p => Uri.UnescapeDataString(p[1]));

    [Fact]
    public async Task It_asks_for_the_newest_successful_push_run_of_build_images_on_main()
    {
        github.Answer("GET", Runs, 200, "list-workflow-runs-200.json");

        await ResolveAsync();

        var request = Assert.Single(github.Requests);
        Assert.Equal(("GET", Runs), (request.Method, request.Path));
        var query = Query(request);
        Assert.Equal(("main", "push", "success"), (query["branch"], query["event"], query["status"]));
        Assert.Equal("1", query["per_page"]);
        Assert.Matches($"^(?i:token|bearer) {Environments.Token}$", request.Authorization);
    }

    [Fact]
    public async Task The_runs_head_sha_gives_the_tag()
    {
        github.Answer("GET", Runs, 200, "list-workflow-runs-200.json");

        var result = await ResolveAsync();

        Assert.Equal(LatestGreenResult.Green("sha-acb5820", "acb5820ced9479c074f688cc328bf03f341a511d",
            "https://github.com/octo-org/octo-repo/actions/runs/30433642"), result);
        Assert.True(result.Found);
    }

    [Fact]
    public async Task No_successful_run_is_an_error_naming_the_workflow_and_the_branch()
    {
        github.Answer("GET", Runs, 200, "list-workflow-runs-empty-200.json");

        var result = await ResolveAsync();

        Assert.False(result.Found);
        Assert.Equal("--tag latest-green: no successful run of build-images.yml for a push to main in kpiteira/ktrdr; " +
                     "build and push images first (it runs on every push to main), or pass --tag sha-<7 chars>", result.Error);
    }

    [Fact]
    public async Task A_missing_workflow_is_an_error_saying_where_it_should_be()
    {
        var result = await ResolveAsync();

        // for a GET, Octokit replaces GitHub's "Not Found" by its own message naming the address
        Assert.Equal($"--tag latest-green: could not list the successful build-images.yml runs on main (GET {Runs}): " +
                     $"GitHub answered 404 NotFound \"{Runs[1..]} was not found.\"; check that .github/workflows/build-images.yml " +
                     "exists on kpiteira/ktrdr's default branch and GITHUB_REPOSITORY is right, or the token needs 'actions: read': " +
                     "in the workflow add 'permissions: actions: read', or give a fine-grained token the Actions repository permission (Read-only)",
            result.Error);
        Assert.DoesNotContain(Environments.Token, result.Error);
    }

    [Fact]
    public async Task A_token_without_actions_read_is_an_error_saying_so()
    {
        github.Answer("GET", Runs, 403, "error-403-not-accessible.json");

        var result = await ResolveAsync();

        Assert.Null(result.Tag);
        Assert.Contains("403 Forbidden \"Resource not accessible by integration\"; the token needs 'actions: read'", result.Error);
        Assert.DoesNotContain(Environments.Token, result.Error);
    }

    [Fact]
    public async Task Another_workflow_and_branch_are_asked_for_by_name()
    {
        github.Answer("GET", "/repos/kpiteira/ktrdr/actions/workflows/ci.yml/runs", 200, "list-workflow-runs-200.json");

        var result = await new LatestGreen(Environments.Settings(github)).ResolveAsync("kpiteira", "ktrdr", "ci.yml", "release");

        Assert.Equal("sha-acb5820", result.Tag);
        Assert.Equal("release", Query(Assert.Single(github.Requests))["branch"]);
    }
}
