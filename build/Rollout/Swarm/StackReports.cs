using Ktrdr.Deploy.Commands.Swarm;
using Ktrdr.Deploy.Remote;
using Ktrdr.Deploy.Rendering.Swarm;
using Ktrdr.Deploy.Rollout.Deploy;
using Ktrdr.Deploy.Rollout.Orchestration;
using Ktrdr.Deploy.Rollout.Status;

namespace Ktrdr.Deploy.Rollout.Swarm;

/// <summary>
/// Status and Diff on an <c>engine: swarm</c> environment: core's manager read in three read-only commands (our stamp, the
/// stack's services and update states, their specs); <see cref="StackStatusRows"/> and <see cref="StackDiff"/> judge.
/// Nothing on any node changes.
/// </summary>
public static class StackReports
{
    public static async Task<StackReading> ReadAsync(ICommandExecutor core, Topology.NodeSpec coreSpec, CancellationToken ct)
    {
        var stamp = SwarmStamp.Parse(await core.ReadFileAsync(SwarmStamp.PathOn(coreSpec), ct));
        var services = StackServicesOutput.Parse(await core.RunAsync(SwarmCommands.StackStatus(SwarmNames.Stack), ct));
        return new StackReading(stamp, services, StackSpecs.Parse(await core.RunAsync(StackSpecs.Read(SwarmNames.Stack), ct)));
    }

    /// <summary>
    /// The Status rows; the drift column compares our stamp with the stack rendered here, pinned to the secret versions the
    /// services mount now and our images' digests they run (Status fetches no secret and asks no registry: a rotated value
    /// or a re-pushed tag shows in Diff).
    /// </summary>
    public static async Task<IReadOnlyList<StatusRow>> StatusAsync(OperationScope scope, CancellationToken ct)
    {
        var reading = await ReadAsync(await scope.Connections.ConnectAsync(scope.Core, ct), scope.Core, ct);
        string? renderedHash = null;
        if (Rendered(scope) is var (bundles, stackText))
        {
            var versions = reading.MountedVersions();
            // our images by the digest the services run (the deploy pinned them so); others as the stack names them
            var built = SwarmDeployOperation.BuiltImages(scope.Env, bundles.Values);
            var running = reading.Specs.Select(s => s.Image).Where(i => built.Contains(i.Split('@')[0]));
            renderedHash = PinnedStack.SecretsOf(stackText).All(versions.ContainsKey)
                ? SwarmStamp.HashOf(PinnedStack.PinVersions(stackText, versions, running).Text, Hashes(bundles))
                : "";   // a secret the services do not mount yet: not what was deployed
        }
        return StackStatusRows.From(reading, renderedHash, [.. scope.Env.Nodes.Select(n => n.Name)], scope.Core.Name, DateTimeOffset.UtcNow);
    }

    /// <summary>What a deploy of the stack rendered here would change (secret values fetched and image digests asked, as the deploy does).</summary>
    public static async Task<IReadOnlyList<StackFinding>> DiffAsync(OperationScope scope, CancellationToken ct)
    {
        var (bundles, stackText) = Rendered(scope)
            ?? throw new RolloutException($"{scope.Core.Name}: no {PinnedStack.RenderedFile} rendered here: run ./build.sh RenderConfigs with the same --engine swarm first");
        DeployOperation.RequireRenderedForThisTag(bundles.Values, scope);
        var (desired, _, _) = await SwarmDeployOperation.DesiredAsync(scope, bundles, stackText, ct);
        var reading = await ReadAsync(await scope.Connections.ConnectAsync(scope.Core, ct), scope.Core, ct);
        return StackDiff.Judge(reading, desired, SwarmStamp.HashOf(desired.Text, Hashes(bundles)));
    }

    /// <summary>Every node's rendered bundle and core's stack file, or null when the stack is not rendered here.</summary>
    private static (Dictionary<string, NodeBundle> Bundles, string StackText)? Rendered(OperationScope scope)
    {
        var stackPath = Path.Combine(scope.RenderRoot, scope.Env.Name, scope.Core.Name, PinnedStack.RenderedFile);
        return File.Exists(stackPath) ? (DeployOperation.Bundles(scope, scope.Env.Nodes), File.ReadAllText(stackPath)) : null;
    }

    private static Dictionary<string, string> Hashes(Dictionary<string, NodeBundle> bundles) => bundles.ToDictionary(b => b.Key, b => b.Value.Hash);
}
