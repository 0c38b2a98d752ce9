using BuildEngine;
using Ktrdr.Deploy.GitHub;
using Serilog;

namespace Ktrdr.Deploy.EntryPoints;

/// <summary>--tag latest-green: the newest commit on main whose build-images run succeeded, asked of GitHub once per run.</summary>
public static class LatestGreenTag
{
    public static LatestGreenResult Resolve(GitHubSetup setup)
    {
        if (!setup.IsOn)
            throw new BuildFailedException($"--tag latest-green asks GitHub for the newest green build of main, but {setup.Report}. " +
                                           "Export GITHUB_TOKEN (actions: read) and GITHUB_REPOSITORY=owner/name, or give the tag itself (--tag sha-xxxxxxx)");
        // parameters resolve synchronously (the tag is a property every target reads); this is the one blocking call
        var result = Task.Run(() => new LatestGreen(setup.Settings!).ResolveAsync(setup.Settings!.Owner, setup.Settings.Name)).GetAwaiter().GetResult();
        if (!result.Found) throw new BuildFailedException($"--tag latest-green: {result.Error}");
        Log.Information("--tag latest-green is {Tag}: commit {Sha} built green by {Run}", result.Tag, result.Sha, result.RunUrl ?? "build-images");
        return result;
    }
}
