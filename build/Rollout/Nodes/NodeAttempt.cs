using Ktrdr.Deploy.Remote;

namespace Ktrdr.Deploy.Rollout.Nodes;

/// <summary>Where and why one node failed, for a person.</summary>
public sealed record NodeFailure(string Node, string Step, string Message);

/// <summary>One node's part of a run that others share: its value, or its failure.</summary>
public sealed record NodeAttempt<T>(string Node, T Value, NodeFailure? Failure)
{
    public bool Succeeded => Failure is null;
}

/// <summary>
/// Runs one node's part so that its failure stays its own: the exception becomes the node's outcome (step and
/// message) and the other nodes go on. Cancellation (Ctrl-C) is not a node's failure and still ends the run.
/// </summary>
public static class NodeAttempt
{
    public static async Task<NodeAttempt<T>> RunAsync<T>(string node, Func<Task<T>> action)
    {
        try
        {
            return new NodeAttempt<T>(node, await action(), null);
        }
        catch (Exception e) when (e is RolloutException || TransportFailure.Is(e))
        {
            return new NodeAttempt<T>(node, default!, new NodeFailure(node, NodeProgress.FailedStep(e) ?? "deploy", e.Message));
        }
    }

    /// <summary>The run's failure: which nodes failed where, and that the others completed.</summary>
    public static string Summary(IReadOnlyList<NodeFailure> failures, int nodes) =>
        $"{failures.Count} of {nodes} node(s) failed; " + (failures.Count < nodes ? "the others completed. " : "") +
        "Fix the cause and run the same command again: nodes already done are skipped.\n" +
        string.Join("\n", failures.Select(f => $"  - {f.Node} at {f.Step}: {f.Message}"));
}
