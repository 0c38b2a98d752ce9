using System.Security.Cryptography;
using Ktrdr.Deploy.Commands.Layout;
using Ktrdr.Deploy.Remote;
using Ktrdr.Deploy.Rollout.Nodes;
using Ktrdr.Deploy.Topology;

namespace Ktrdr.Deploy.Rollout.Layout;

/// <summary>
/// SyncNfsLayout on one node: inspect the shared tree, plan the difference from the topology in pure code, apply
/// exactly that (as root); then prove it by writing and reading a file as the containers' uid in every subdirectory,
/// in a container of the application image (pulled first when the node lacks it).
/// </summary>
public static class LayoutSync
{
    /// <summary>Inspects the tree and applies what differs; returns the changes (none when it was right).</summary>
    public static async Task<IReadOnlyList<string>> SyncAsync(ICommandExecutor node, SharedStorage storage, CancellationToken ct)
    {
        var plan = await NodeProgress.StepAsync(node.Target, "inspect", async () =>
        {
            var inspection = SharedLayoutCommands.ParseInspection(await NodeRun.RequireAsync(node, SharedLayoutCommands.Inspect(storage), ct));
            var planned = SharedLayoutCommands.Plan(storage, inspection);
            return (planned, $"{inspection.Entries.Count} path(s) under {storage.Path}, " +
                             (planned.Changes.Count == 0 ? "nothing to change" : $"{planned.Changes.Count} change(s) needed"));
        });
        if (plan.Problems.Count > 0)
            throw new RolloutException($"{node.Target}: the shared tree cannot be fixed automatically:\n  - " + string.Join("\n  - ", plan.Problems));

        if (plan.Changes.Count > 0)
            await NodeProgress.StepAsync(node.Target, "apply", async () =>
            {
                await NodeRun.RequireAsync(node, SharedLayoutCommands.Apply(storage, plan.Changes), ct);
                return string.Join("; ", plan.Changes.Select(c => c.Description));
            });
        return [.. plan.Changes.Select(c => c.Description)];
    }

    /// <summary>Writes, reads back and removes a file as the containers' uid and group in every subdirectory; throws when one fails.</summary>
    public static async Task<IReadOnlyList<string>> ProveAsync(
        ICommandExecutor node, SharedStorage storage, string proofImage, RemoteCommand ensureImage, CancellationToken ct)
    {
        var proof = await NodeProgress.StepAsync(node.Target, "proof", async () =>
        {
            await NodeRun.RequireAsync(node, ensureImage, ct);
            var nonce = RandomNumberGenerator.GetHexString(12, lowercase: true);
            var result = SharedLayoutCommands.ParseProof(await node.RunAsync(SharedLayoutCommands.Proof(storage, proofImage, nonce), ct), storage);
            return (result, $"uid {storage.Uid} group {storage.Gid} wrote and read back a file in {result.Proven.Count} of {storage.Subdirectories.Count} directories");
        });
        if (!proof.Passed)
            throw new RolloutException($"{node.Target}: the shared tree does not work for the containers' user:\n  - " + string.Join("\n  - ", proof.Failures));
        return proof.Proven;
    }
}
