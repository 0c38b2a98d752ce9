using Ktrdr.Deploy.Commands.Drift;

namespace Ktrdr.Deploy.Rollout.Drift;

/// <summary>Bundle facts against node facts → the node's drift, in pure code (Diff, Status and the deploy decision share it).</summary>
public static class DriftComparison
{
    public static NodeDrift Compare(BundleFacts bundle, NodeFacts node)
    {
        if (!node.DeployDirectoryExists)
            return new NodeDrift(bundle.Node, [new DriftFinding(DriftArea.Stamp, "deploy directory", "is missing: the node was never deployed")],
                ContainerDrift.Findings(bundle, node, configComparable: false).Notes);
        var files = FileDrift.Findings(bundle, node);
        var composeInputsEqual = !files.Any(f => bundle.ComposeInputs.Contains(f.Subject));
        var containers = ContainerDrift.Findings(bundle, node, composeInputsEqual);
        var notes = containers.Notes.ToList();
        if (!composeInputsEqual) notes.Add("container configs not compared: the compose files or .env on the node differ (the deploy puts them back, then up recreates what changed)");
        return new NodeDrift(bundle.Node, [.. StampDrift.Findings(bundle, node), .. files, .. containers.Findings], notes);
    }
}
