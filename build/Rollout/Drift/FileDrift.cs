using Ktrdr.Deploy.Commands.Drift;

namespace Ktrdr.Deploy.Rollout.Drift;

/// <summary>
/// Files: each bundle file missing or changed on the node (a unified diff for a text file, the values of secret
/// assignments masked), and each extra file in the deploy directory. The stamp is ours, never extra.
/// </summary>
internal static class FileDrift
{
    public static IEnumerable<DriftFinding> Findings(BundleFacts bundle, NodeFacts node)
    {
        foreach (var (path, sha) in bundle.Files.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            if (!node.Files.TryGetValue(path, out var actual)) yield return new DriftFinding(DriftArea.File, path, "is missing on the node");
            else if (actual != sha) yield return new DriftFinding(DriftArea.File, path, "differs on the node", Diff(bundle, node, path));
        }
        foreach (var path in node.Files.Keys.Where(p => !bundle.Files.ContainsKey(p) && p != NodeFactsCommand.StampFile).Order(StringComparer.Ordinal))
            yield return new DriftFinding(DriftArea.File, path, "is extra on the node (not in the bundle)");
    }

    private static string? Diff(BundleFacts bundle, NodeFacts node, string path)
    {
        if (!node.ChangedTexts.TryGetValue(path, out var actual) || bundle.Text(path) is not { } expected || actual.Contains('\0') || expected.Contains('\0'))
            return null;
        return SecretLineMask.Mask(UnifiedDiff.Of(path, expected, actual), bundle.SecretNames);
    }
}
