using Ktrdr.Deploy.Rendering.Swarm;
using Ktrdr.Deploy.Rollout.Deploy;
using Ktrdr.Deploy.Topology;

namespace Ktrdr.Deploy.Rollout.Swarm;

/// <summary>
/// What a Swarm deploy needs: every node and its bundle, the stack file pinned to this run's secret versions, the secret
/// values by object name (created over standard input only), the registry login, the hash it compares, and how long to wait.
/// </summary>
public sealed record SwarmDeployRequest(
    NodeSpec Core, IReadOnlyList<NodeSpec> Nodes, IReadOnlyDictionary<string, NodeBundle> Bundles, PinnedStack Stack,
    IReadOnlyDictionary<string, string> SecretValues, RegistryPull? Login, string Tag, TimeSpan Timeout, bool Force)
{
    /// <summary>The file the deploy writes next to core's bundle and runs (the bundle's own docker-stack.yml names no secret version).</summary>
    public const string DeployedStackFile = "docker-stack.deployed.yml";

    /// <summary>How long a busy worker is waited for before the deploy stops (or, with <see cref="Force"/>, goes on).</summary>
    public TimeSpan DrainTimeout { get; init; } = TimeSpan.FromMinutes(10);

    public string DesiredHash => SwarmStamp.HashOf(Stack.Text, Bundles.ToDictionary(b => b.Key, b => b.Value.Hash));

    public IReadOnlyList<string> Services => PinnedStack.ServicesOf(Stack.Text);

    /// <summary>The address core advertises and the others join (its lab or LAN address, else its host name).</summary>
    public string CoreAddress => Core.Address ?? Core.Host;
}
