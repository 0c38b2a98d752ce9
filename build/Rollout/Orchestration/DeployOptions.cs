namespace Ktrdr.Deploy.Rollout.Orchestration;

/// <summary>The deploy targets' parameters: which nodes, whether to force, dry-run, and the health and rolling-update limits.</summary>
public sealed record DeployOptions(IReadOnlyList<string> TargetNodes, bool Force, bool DryRun, TimeSpan HealthTimeout, int BatchSize, TimeSpan DrainTimeout);
