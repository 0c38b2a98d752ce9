using BuildEngine;
using Ktrdr.Deploy.Rollout.Nodes;
using Serilog;

namespace Ktrdr.Deploy.Rollout.Orchestration;

/// <summary>One node's end of a deploy or rollback, as the report shows it.</summary>
public sealed record NodeOutcome(string Node, string Outcome, string Detail, TimeSpan? Elapsed, NodeFailure? Failure = null);

/// <summary>
/// The per-node report of every deploy, Patch and Rollback: a line per node (what it did, or where it failed), then the
/// run fails naming every failed node when any did (the others completed; a rerun skips what is done).
/// </summary>
public static class NodeOutcomeReport
{
    public static void Print(IReadOnlyList<NodeOutcome> outcomes)
    {
        foreach (var o in outcomes)
        {
            if (o.Failure is { } failure)
                Log.Error("  {Node,-10} {Outcome,-9} at {Step}: {Message}", o.Node, "FAILED", failure.Step, failure.Message.Split('\n')[0]);
            else
                Log.Information("  {Node,-10} {Outcome,-9} {Detail}  {Elapsed}", o.Node, o.Outcome, o.Detail, o.Elapsed is { } e ? Elapsed.Format(e) : "");
        }
        if (outcomes.Select(o => o.Failure).OfType<NodeFailure>().ToList() is { Count: > 0 } failed)
            throw new RolloutException(NodeAttempt.Summary(failed, outcomes.Count));
    }
}
