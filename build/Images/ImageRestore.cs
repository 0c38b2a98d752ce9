using CliWrap;
using CliWrap.Buffered;

namespace Ktrdr.Deploy.Images;

/// <summary>Restore: fetch what a build will need before any image is built, so a missing package or checkout fails first.</summary>
public static class ImageRestore
{
    /// <summary>Restores the image's sources; returns what was done, for the log.</summary>
    public static async Task<string> RunAsync(ImageRecipe recipe, CancellationToken ct)
    {
        switch (recipe.Kind)
        {
            case ContextKind.DotnetPublish:
                var result = await Cli.Wrap("dotnet").WithArguments(["restore", recipe.Source, "-r", "linux-x64", "--nologo", "-v", "quiet"])
                    .WithEnvironmentVariables(new Dictionary<string, string?> { ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1", ["DOTNET_NOLOGO"] = "1" })
                    .WithValidation(CommandResultValidation.None).ExecuteBufferedAsync(ct);
                return result.ExitCode == 0
                    ? $"restored {Path.GetFileName(recipe.Source)} for linux-x64"
                    : throw new ImageException($"dotnet restore {recipe.Source} failed (exit {result.ExitCode}):\n  " +
                                               string.Join("\n  ", (result.StandardOutput + result.StandardError).Trim().Split('\n').TakeLast(15)));
            case ContextKind.Checkout:
                var lockFile = Path.Combine(recipe.Source, "uv.lock");
                return File.Exists(lockFile)
                    ? $"checkout {recipe.Source} (uv.lock present: the image resolves locked dependencies)"
                    : throw new ImageException($"{recipe.Source} has no uv.lock: the image installs locked dependencies only. Run `uv lock` in the checkout.");
            default:
                return "nothing to restore (built from its folder)";
        }
    }
}
