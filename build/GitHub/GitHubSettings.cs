using System.Collections;
using System.Text.RegularExpressions;

namespace Ktrdr.Deploy.GitHub;

/// <summary>
/// Where and as whom to talk to GitHub, read from the environment GitHub Actions sets (or an operator exports):
/// the token (<c>KTRDR_GITHUB_TOKEN</c>, else <c>GITHUB_TOKEN</c>), the repository (<c>GITHUB_REPOSITORY</c>,
/// owner/name), the API (<c>GITHUB_API_URL</c>, default https://api.github.com/) and the run's web address
/// (<c>GITHUB_SERVER_URL/GITHUB_REPOSITORY/actions/runs/GITHUB_RUN_ID</c>). The token stays in memory: it is in no
/// property a caller can print, and not in <see cref="ToString"/>.
/// </summary>
public sealed partial class GitHubSettings
{
    public static readonly Uri DefaultApiBase = new("https://api.github.com/");

    private GitHubSettings(string owner, string name, Uri apiBase, string? runUrl, string token)
    {
        Owner = owner;
        Name = name;
        ApiBase = apiBase;
        RunUrl = runUrl;
        Token = token;
    }

    public string Owner { get; }

    public string Name { get; }

    /// <summary>owner/name.</summary>
    public string Repository => $"{Owner}/{Name}";

    /// <summary>The REST API root, always ending in a slash (GitHub Enterprise: https://host/api/v3/).</summary>
    public Uri ApiBase { get; }

    /// <summary>The web page of the Actions run doing this (a deployment status's log_url), or null outside Actions.</summary>
    public string? RunUrl { get; }

    internal string Token { get; }

    /// <summary>Settings when the environment has a token and a valid repository; otherwise why GitHub stays off.</summary>
    public static GitHubSetup Read(IReadOnlyDictionary<string, string> environment)
    {
        string? Get(string name) => environment.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

        var token = Get("KTRDR_GITHUB_TOKEN") ?? Get("GITHUB_TOKEN");
        if (token is null) return GitHubSetup.Off("GITHUB_TOKEN is not set");
        if (Get("GITHUB_REPOSITORY") is not { } repository) return GitHubSetup.Off("GITHUB_REPOSITORY is not set");
        if (!OwnerSlashName().IsMatch(repository)) return GitHubSetup.Off($"GITHUB_REPOSITORY '{repository}' is not owner/name");

        var api = Get("GITHUB_API_URL") ?? DefaultApiBase.AbsoluteUri;
        if (!Uri.TryCreate(api.EndsWith('/') ? api : api + "/", UriKind.Absolute, out var apiBase) || apiBase.Scheme is not ("https" or "http"))
            return GitHubSetup.Off($"GITHUB_API_URL '{api}' is not an http(s) address");

        var runUrl = Get("GITHUB_RUN_ID") is { } runId
            ? $"{(Get("GITHUB_SERVER_URL") ?? "https://github.com").TrimEnd('/')}/{repository}/actions/runs/{runId}"
            : null;
        var parts = repository.Split('/');
        return GitHubSetup.On(new GitHubSettings(parts[0], parts[1], apiBase, runUrl, token));
    }

    /// <summary><see cref="Read"/> over this process's environment variables.</summary>
    public static GitHubSetup ReadProcess()
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in System.Environment.GetEnvironmentVariables())
            environment[(string)entry.Key] = entry.Value as string ?? "";
        return Read(environment);
    }

    /// <summary>Replaces the token wherever it occurs in <paramref name="text"/> (defence in depth for messages).</summary>
    internal string Redact(string text) => text.Replace(Token, "***", StringComparison.Ordinal);

    public override string ToString() => $"GitHub {Repository} at {ApiBase.AbsoluteUri} (token set)";

    [GeneratedRegex("^[A-Za-z0-9](?:[A-Za-z0-9-]*)/[A-Za-z0-9._-]+$")]
    private static partial Regex OwnerSlashName();
}
