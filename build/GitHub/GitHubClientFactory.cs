using Octokit;
using Octokit.Internal;

namespace Ktrdr.Deploy.GitHub;

/// <summary>
/// An Octokit client for the settings: the API root taken as given (Octokit's own constructor would add /api/v3/ to
/// any host but github.com), the token as credentials, and a short timeout: a deploy never waits long for GitHub.
/// </summary>
internal static class GitHubClientFactory
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private static readonly ProductHeaderValue Product = new("ktrdr-deploy");

    public static GitHubClient Create(GitHubSettings settings)
    {
        var credentials = new InMemoryCredentialStore(new Credentials(settings.Token));
        var client = new GitHubClient(new Connection(Product, settings.ApiBase, credentials));
        client.SetRequestTimeout(Timeout);
        return client;
    }
}
