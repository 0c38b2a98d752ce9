namespace Ktrdr.Deploy.GitHub;

/// <summary>
/// What <see cref="GitHubDeployments.StartAsync"/> achieved: the deployment (null when GitHub refused or could not be
/// reached) and a one-line warning for the log when something did not work. Neither ever stops the deploy.
/// </summary>
public sealed record DeploymentStart(DeploymentHandle? Handle, string? Warning);
