using System.Text.Json;
using Ktrdr.Deploy.Commands.Drift;
using Ktrdr.Deploy.Rollout.Deploy;

namespace Ktrdr.Deploy.Rollout.Drift;

/// <summary>The stamp the last deploy left: present, readable, naming this bundle; the manifest beside it for this environment and node.</summary>
internal static class StampDrift
{
    public static IEnumerable<DriftFinding> Findings(BundleFacts bundle, NodeFacts node)
    {
        const string subject = NodeFactsCommand.StampFile;
        if (node.Stamp is null) yield return new DriftFinding(DriftArea.Stamp, subject, "is missing (not deployed by this tool)");
        else if (DeployStamp.Parse(node.Stamp) is not { } stamp) yield return new DriftFinding(DriftArea.Stamp, subject, "cannot be read (not a stamp this tool writes)");
        else if (stamp.BundleHash != bundle.BundleHash)
            yield return new DriftFinding(DriftArea.Stamp, subject, $"names bundle {Short(stamp.BundleHash)}, the bundle to deploy is {Short(bundle.BundleHash)}");
        if (Origin(node.Manifest) is { } origin && (origin.Environment != bundle.Environment || origin.Node != bundle.Node))
            yield return new DriftFinding(DriftArea.Stamp, "manifest.json", $"was deployed for {origin.Node} of {origin.Environment}, not {bundle.Node} of {bundle.Environment}");
    }

    /// <summary>The environment and node a manifest names, or null when there is none or it cannot be read.</summary>
    private static (string Environment, string Node)? Origin(string? manifest)
    {
        if (string.IsNullOrWhiteSpace(manifest)) return null;
        try
        {
            using var json = JsonDocument.Parse(manifest);
            var root = json.RootElement;
            return root.ValueKind == JsonValueKind.Object && root.TryGetProperty("environment", out var e) && root.TryGetProperty("node", out var n)
                ? (e.GetString() ?? "", n.GetString() ?? "") : null;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            return null;
        }
    }

    private static string Short(string hash) => hash.Length > 12 ? hash[..12] : hash;
}
