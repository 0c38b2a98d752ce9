using System.Diagnostics;
using Serilog;

namespace Ktrdr.Deploy.EntryPoints;

/// <summary>What git says about the checkout: the image tag of HEAD (sha-&lt;7 hex&gt;, as CI tags images), the full commit, the remote.</summary>
public static class GitRevision
{
    public static string ShortTag(string root)
    {
        var sha = ShortSha(root);
        if (sha is not null) return $"sha-{sha}";
        Log.Warning("Not a git checkout (or git is missing): using tag sha-0000000; pass --tag to choose one");
        return "sha-0000000";
    }

    public static string? ShortSha(string root) => Git(root, "rev-parse", "--short=7", "HEAD") is { Length: >= 7 } sha ? sha[..7] : null;

    /// <summary>The full commit of HEAD, or "unknown" outside a checkout (the revision label of images).</summary>
    public static string FullSha(string root) => Git(root, "rev-parse", "HEAD") ?? "unknown";

    /// <summary>
    /// The repository's web address for the source label: GITHUB_SERVER_URL/GITHUB_REPOSITORY under Actions, else the
    /// origin remote (an scp-style <c>git@host:owner/repo.git</c> becomes <c>https://host/owner/repo</c>), else "unknown".
    /// </summary>
    public static string SourceUrl(string root)
    {
        if (System.Environment.GetEnvironmentVariable("GITHUB_REPOSITORY") is { Length: > 0 } repository)
            return $"{System.Environment.GetEnvironmentVariable("GITHUB_SERVER_URL") ?? "https://github.com"}/{repository}";
        return Git(root, "remote", "get-url", "origin") is { Length: > 0 } url ? WebUrl(url) : "unknown";
    }

    public static string WebUrl(string remote)
    {
        var url = remote.EndsWith(".git", StringComparison.Ordinal) ? remote[..^4] : remote;
        if (url.StartsWith("git@", StringComparison.Ordinal) && url.IndexOf(':') is var colon and > 0)
            return $"https://{url[4..colon]}/{url[(colon + 1)..]}";
        return url;
    }

    private static string? Git(string root, params string[] args)
    {
        try
        {
            var start = new ProcessStartInfo("git", ["-C", root, .. args]) { RedirectStandardOutput = true, RedirectStandardError = true };
            using var git = Process.Start(start)!;
            var output = git.StandardOutput.ReadToEnd().Trim();
            git.WaitForExit();
            return git.ExitCode == 0 && output.Length > 0 ? output : null;
        }
        catch (System.ComponentModel.Win32Exception) { return null; }
    }
}
