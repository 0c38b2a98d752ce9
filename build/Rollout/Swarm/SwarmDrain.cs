using Ktrdr.Deploy.Commands.Compose;
using Ktrdr.Deploy.Commands.Swarm;
using Ktrdr.Deploy.Remote;
using Ktrdr.Deploy.Rendering.Swarm;
using Ktrdr.Deploy.Rollout.Deploy;
using Ktrdr.Deploy.Rollout.Nodes;
using Ktrdr.Deploy.Topology;

namespace Ktrdr.Deploy.Rollout.Swarm;

/// <summary>
/// Before a stack deploy replaces anything (Swarm replaces a worker's task without asking it, and the first deploy takes
/// the compose project down): every worker running on a worker or gpu node, of the stack or of the compose project,
/// finishes its operation first, up to the drain timeout (<see cref="WorkerDrainWait"/>, the compose update's drain).
/// Every worker is drained, also one whose service the deploy leaves as it is: which services Swarm updates is only
/// known once it has compared the specs.
/// </summary>
public static class SwarmDrain
{
    public static async Task RunAsync(IReadOnlyList<ICommandExecutor> nodes, IReadOnlyList<NodeSpec> specs, TimeSpan drainTimeout, bool force, CancellationToken ct) =>
        await Task.WhenAll(specs.Select((spec, i) => (spec, node: nodes[i])).Where(n => n.spec.Role != NodeRole.Core).Select(async n =>
        {
            var running = AppContainers.Parse(await NodeRun.RequireAsync(n.node, AppContainers.Running(SwarmNames.Stack, ComposeProject.Name), ct), SwarmNames.Stack);
            foreach (var container in running)
                await NodeProgress.StepAsync(n.spec.Name, "drain", () =>
                    WorkerDrainWait.UntilIdleAsync(n.node, container.Id, container.Service, drainTimeout, force, ct));
        }));
}
