namespace Ktrdr.Deploy.GitHub;

/// <summary>A GitHub Deployment this run created: what <see cref="GitHubDeployments.FinishAsync"/> posts the outcome to.</summary>
public sealed record DeploymentHandle(long Id, string Environment, string Sha);
