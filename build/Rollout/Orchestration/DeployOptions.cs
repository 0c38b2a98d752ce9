namespace Ktrdr.Deploy.Rollout.Orchestration;

/// <summary>The deploy targets' parameters: which nodes, whether to force, dry-run, and the health and rolling-update limits.</summary>
public sealed record DeployOptions(IReadOnlyList<string> TargetNodes, bool Force, bool DryRun, TimeSpan HealthTimeout, int BatchSize, TimeSpan DrainTimeout)
{
    /// <summary>The targets this run plans: a --target-node that none of them deploys is an error, not "nothing to do".</summary>
    public IReadOnlyCollection<string> PlannedTargets { get; init; } = [];

    /// <summary>--leave-swarm: when a compose deploy removes the Swarm stack first, every node also leaves the swarm.</summary>
    public bool LeaveSwarm { get; init; }
}
