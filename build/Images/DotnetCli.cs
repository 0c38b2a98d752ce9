using CliWrap;
using CliWrap.Buffered;

namespace Ktrdr.Deploy.Images;

/// <summary>Runs the .NET SDK for image builds (restore, publish) quietly; a failure becomes an error with the end of what it printed.</summary>
public static class DotnetCli
{
    /// <summary>Runs <c>dotnet &lt;verb&gt; &lt;project&gt; &lt;options&gt;</c>; throws <see cref="ImageException"/> when it fails.</summary>
    public static async Task RunAsync(string verb, string project, IReadOnlyList<string> options, CancellationToken ct)
    {
        var result = await Cli.Wrap("dotnet").WithArguments([verb, project, .. options, "--nologo", "-v", "quiet"])
            .WithEnvironmentVariables(new Dictionary<string, string?> { ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1", ["DOTNET_NOLOGO"] = "1" })
            .WithValidation(CommandResultValidation.None).ExecuteBufferedAsync(ct);
        if (result.ExitCode != 0)
            throw new ImageException($"dotnet {verb} {project} failed (exit {result.ExitCode}):\n  " +
                                     string.Join("\n  ", (result.StandardOutput + result.StandardError).Trim().Split('\n').TakeLast(15)));
    }
}
