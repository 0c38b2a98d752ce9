namespace Ktrdr.Deploy.GitHub.Tests;

/// <summary>What the operator reads when a call to GitHub fails without an answer from GitHub.</summary>
public sealed class GitHubProblemTests
{
    private static readonly Uri Api = new("https://api.github.com/");
    private static readonly GitHubCall Create = GitHubCall.CreateDeployment("kpiteira/ktrdr", "acb5820");

    [Fact]
    public void The_permission_hint_says_where_a_token_gets_it()
    {
        Assert.Equal("the token needs 'deployments: write': in the workflow add 'permissions: deployments: write', " +
                     "or give a fine-grained token the Deployments repository permission (Read and write)",
            GitHubProblem.PermissionHint("deployments: write"));
        Assert.Contains("Actions repository permission (Read-only)", GitHubProblem.PermissionHint("actions: read"));
    }

    [Fact]
    public void An_unreachable_github_names_the_call_and_the_api_url() =>
        Assert.Equal("could not create the deployment (POST /repos/kpiteira/ktrdr/deployments): GitHub at https://api.github.com/ " +
                     "cannot be reached (Connection refused); check GITHUB_API_URL and the network",
            GitHubProblem.Describe(Create, new HttpRequestException("Connection refused"), Api));

    [Fact]
    public void A_timeout_says_github_did_not_answer() =>
        Assert.Contains("did not answer in time", GitHubProblem.Describe(Create, new TaskCanceledException(), Api));

    [Fact]
    public void A_server_error_blames_github() =>
        Assert.Contains("GitHub answered 502 BadGateway; GitHub had a problem of its own",
            GitHubProblem.Describe(Create, new Octokit.ApiException("", System.Net.HttpStatusCode.BadGateway), Api));
}
