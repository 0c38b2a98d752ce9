using System.Diagnostics;
using Serilog;

namespace Ktrdr.Build.Support;

/// <summary>The image tag of the checked-out commit: sha-&lt;7 hex&gt;, as CI tags images.</summary>
public static class GitRevision
{
    public static string ShortTag(string root)
    {
        var sha = ShortSha(root);
        if (sha is not null) return $"sha-{sha}";
        Log.Warning("Not a git checkout (or git is missing): using tag sha-0000000; pass --tag to choose one");
        return "sha-0000000";
    }

    public static string? ShortSha(string root)
    {
        try
        {
            var start = new ProcessStartInfo("git", ["-C", root, "rev-parse", "--short=7", "HEAD"])
            { RedirectStandardOutput = true, RedirectStandardError = true };
            using var git = Process.Start(start)!;
            var sha = git.StandardOutput.ReadToEnd().Trim();
            git.WaitForExit();
            return git.ExitCode == 0 && sha.Length >= 7 ? sha[..7] : null;
        }
        catch (System.ComponentModel.Win32Exception) { return null; }
    }
}
