using BuildEngine;
using Ktrdr.Deploy.Commands.Swarm;
using Ktrdr.Deploy.Remote;
using Ktrdr.Deploy.Rendering.Swarm;
using Ktrdr.Deploy.Rollout.Nodes;

namespace Ktrdr.Deploy.Rollout.Swarm;

/// <summary>
/// Makes the nodes one swarm (core the manager, the others workers; <see cref="SwarmMembership"/> decides) and puts the
/// topology's labels on each (<see cref="SwarmNames.Labels"/>). Idempotent: a second run reads and changes nothing.
/// </summary>
public static class SwarmSetup
{
    public static async Task FormAsync(ICommandExecutor core, IReadOnlyList<ICommandExecutor> nodes, SwarmDeployRequest request, CancellationToken ct)
    {
        var specs = request.Nodes;
        var states = await ReadAsync(nodes, request, ct);
        var steps = SwarmMembership.Decide(request.Core, states, request.CoreAddress);
        if (steps[request.Core.Name] == SwarmStep.Init)
            await NodeProgress.StepAsync(request.Core.Name, "swarm init", async () =>
            {
                await NodeRun.RequireAsync(core, SwarmCommands.Init(request.CoreAddress), ct);
                return $"manager, advertising {request.CoreAddress}";
            });
        var joining = specs.Select((n, i) => (Node: n, Index: i)).Where(n => steps[n.Node.Name] == SwarmStep.Join).ToList();
        if (joining.Count > 0)
        {
            // the token is a secret: masked in every log from here on, never in an error, and to the nodes over stdin only
            var token = (await core.RunAsync(SwarmCommands.WorkerJoinToken(), ct)) is { Succeeded: true } read ? read.StandardOutput.Trim()
                : throw new RolloutException($"{request.Core.Name}: could not read the worker join token (docker swarm join-token worker failed)");
            SecretMasker.Register(token);
            await Task.WhenAll(joining.Select(j => NodeProgress.StepAsync(j.Node.Name, "swarm join", async () =>
            {
                await NodeRun.RequireAsync(nodes[j.Index], SwarmCommands.Join(token, request.CoreAddress, j.Node.Address ?? j.Node.Host), ct);
                return $"worker of {request.Core.Name} ({SwarmCommands.ManagerEndpoint(request.CoreAddress)}; token over stdin)";
            })));
            states = await ReadAsync(nodes, request, ct);
        }
        foreach (var (node, index) in specs.Select((n, i) => (n, i)))
            await NodeProgress.StepAsync(node.Name, "labels", async () =>
            {
                var id = states[node.Name].NodeId;
                var current = (await NodeRun.RequireAsync(core, SwarmCommands.NodeLabels(id), ct)).StandardOutput;
                var missing = SwarmLabels.Missing(current, SwarmNames.Labels(node));
                if (missing.Count == 0) return $"{string.Join(", ", SwarmNames.Labels(node).Select(l => $"{l.Key}={l.Value}"))} already set";
                await NodeRun.RequireAsync(core, SwarmCommands.AddLabels(id, missing), ct);
                return $"set {string.Join(", ", missing.Select(l => $"{l.Key}={l.Value}"))}";
            });
    }

    private static async Task<IReadOnlyDictionary<string, SwarmState>> ReadAsync(IReadOnlyList<ICommandExecutor> nodes, SwarmDeployRequest request, CancellationToken ct)
    {
        var states = await Task.WhenAll(nodes.Select(async (n, i) => SwarmState.Parse(request.Nodes[i].Name, await n.RunAsync(SwarmCommands.State(), ct))));
        return request.Nodes.Select((n, i) => (n.Name, states[i])).ToDictionary(s => s.Name, s => s.Item2, StringComparer.Ordinal);
    }
}
