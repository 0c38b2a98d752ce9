using BuildEngine;

namespace Ktrdr.Deploy.Images;

/// <summary>Restore: fetch what a build will need before any image is built, so a missing package or checkout fails first.</summary>
public static class ImageRestore
{
    /// <summary>
    /// Restores the image's sources; returns what was done, for the log. A .NET project whose project files are
    /// unchanged since its last restore (fingerprint in <paramref name="stampDirectory"/>) is up to date.
    /// </summary>
    public static async Task<string> RunAsync(ImageRecipe recipe, string stampDirectory, CancellationToken ct)
    {
        switch (recipe.Kind)
        {
            case ContextKind.DotnetPublish:
                var stamp = Path.Combine(stampDirectory, $"{recipe.Key}.restored");
                var fingerprint = ProjectFingerprint(recipe);
                if (File.Exists(stamp) && await File.ReadAllTextAsync(stamp, ct) == fingerprint)
                    return $"up to date ({Path.GetFileName(recipe.Source)}: project files unchanged since the last restore)";
                await DotnetCli.RunAsync("restore", recipe.Source, ["-r", "linux-x64"], ct);
                Directory.CreateDirectory(stampDirectory);
                await File.WriteAllTextAsync(stamp, fingerprint, ct);
                return $"restored {Path.GetFileName(recipe.Source)} for linux-x64";
            case ContextKind.Checkout:
                var lockFile = Path.Combine(recipe.Source, "uv.lock");
                return File.Exists(lockFile)
                    ? $"checkout {recipe.Source} (uv.lock present: the image resolves locked dependencies)"
                    : throw new ImageException($"{recipe.Source} has no uv.lock: the image installs locked dependencies only. Run `uv lock` in the checkout.");
            default:
                return "nothing to restore (built from its folder)";
        }
    }

    /// <summary>The project files (csproj, props, targets) of the image's folder: what decides a restore.</summary>
    private static string ProjectFingerprint(ImageRecipe recipe)
    {
        using var hash = new BuildEngine.ContentHash();
        foreach (var file in ContentHash.Files(recipe.Folder).Where(f => f.EndsWith(".csproj", StringComparison.Ordinal) ||
                                                                         f.EndsWith(".props", StringComparison.Ordinal) || f.EndsWith(".targets", StringComparison.Ordinal)))
            hash.File(file, Path.Combine(recipe.Folder, file));
        return hash.Hex();
    }
}
