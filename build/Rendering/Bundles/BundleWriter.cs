namespace Ktrdr.Deploy.Rendering.Bundles;

/// <summary>
/// Writes bundles under <c>&lt;outputRoot&gt;/&lt;env&gt;/&lt;node&gt;/</c>, each with its manifest.json. Everything is written to a
/// staging folder first; only when all of it is written is each node folder swapped in, so a failed write never
/// leaves a half bundle behind.
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
                if (Directory.Exists(target)) Directory.Delete(target, recursive: true);
                Directory.Move(Path.Combine(staging, bundle.Node.Name), target);
                written.Add(target);
            }
            return written;
        }
        finally
        {
            if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
        }
    }
}
