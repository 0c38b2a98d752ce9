namespace Ktrdr.Deploy.Rendering.Bundles;

/// <summary>
/// Writes bundles under <c>&lt;outputRoot&gt;/&lt;env&gt;/&lt;node&gt;/</c>, each with its manifest.json. Everything is written to a
/// staging folder first; only when all of it is written is each node folder swapped in, so a failed write never
/// leaves a half bundle behind. Two runs may render the same environment at once (two deploys started together): each
/// swap renames the old folder away before moving its own in, so neither trips over a folder the other is removing.
/// </summary>
public static class BundleWriter
{
    public static IReadOnlyList<string> Write(string outputRoot, IReadOnlyList<RenderedBundle> bundles)
    {
        if (bundles.Count == 0) return [];
        var envDir = Path.Combine(outputRoot, bundles[0].Environment);
        var staging = Path.Combine(envDir, $".staging-{Guid.NewGuid():N}");
        try
        {
            foreach (var bundle in bundles)
            foreach (var file in bundle.Files.Append(bundle.Manifest()))
            {
                var path = Path.Combine(staging, bundle.Node.Name, file.Path);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllText(path, file.Content);
            }
            var written = new List<string>();
            foreach (var bundle in bundles)
            {
                var target = Path.Combine(envDir, bundle.Node.Name);
                SwapIn(Path.Combine(staging, bundle.Node.Name), target);
                written.Add(target);
            }
            return written;
        }
        finally
        {
            if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
        }
    }

    /// <summary>
    /// Puts <paramref name="staged"/> where <paramref name="target"/> is: the old folder renamed away (one atomic rename),
    /// the new one moved in, the old one removed. When another run moved its own folder in between, that one is renamed
    /// away too and the move tried again: the last run to swap wins, and every run sees a whole bundle.
    /// </summary>
    private static void SwapIn(string staged, string target)
    {
        for (var attempt = 1; ; attempt++)
        {
            var old = $"{target}.old-{Guid.NewGuid():N}";
            try { Directory.Move(target, old); }
            catch (DirectoryNotFoundException) { old = null; }
            try
            {
                Directory.Move(staged, target);
                return;
            }
            catch (IOException) when (attempt < 10 && Directory.Exists(target)) { }
            finally
            {
                if (old is not null && Directory.Exists(old)) Directory.Delete(old, recursive: true);
            }
        }
    }
}
