using System.Collections.ObjectModel;
using Octokit;

namespace Ktrdr.Deploy.GitHub;

/// <summary>
/// What a deploy asks GitHub to record, as Octokit request objects. A deployment of a commit (never auto-merged, with
/// no required status contexts so CI checks don't block it), carrying the nodes and tag; statuses in_progress, then
/// success or failure with the environment's address and the run's log.
/// </summary>
public static class DeploymentRequests
{
    /// <summary>GitHub's limit on a deployment status description.</summary>
    public const int StatusDescriptionLimit = 140;

    private static readonly string[] NonProduction = ["lab", "local"];

    /// <summary>Environments end users work with: every one but the lab and a developer's laptop.</summary>
    public static bool IsProduction(string environment) =>
        !NonProduction.Contains(environment, StringComparer.OrdinalIgnoreCase);

    public static NewDeployment Deployment(string gitRef, string environment, string description, IReadOnlyList<string> nodes, string tag) =>
        new(gitRef)
        {
            Task = "deploy",
            AutoMerge = false,
            RequiredContexts = new Collection<string>(),
            Payload = new Dictionary<string, string> { ["nodes"] = string.Join(',', nodes), ["tag"] = tag },
            Environment = environment,
            Description = description,
            TransientEnvironment = false,
            ProductionEnvironment = IsProduction(environment),
        };

    public static NewDeploymentStatus InProgress(string description, string? logUrl) =>
        Status(DeploymentState.InProgress, description, null, logUrl);

    public static NewDeploymentStatus Finished(bool success, string description, string? environmentUrl, string? logUrl) =>
        Status(success ? DeploymentState.Success : DeploymentState.Failure, description, environmentUrl, logUrl);

    /// <summary>The description cut to GitHub's 140 characters (an ellipsis marks the cut).</summary>
    public static string StatusDescription(string description) =>
        description.Length <= StatusDescriptionLimit ? description : description[..(StatusDescriptionLimit - 1)] + "…";

    private static NewDeploymentStatus Status(DeploymentState state, string description, string? environmentUrl, string? logUrl) =>
        new(state)
        {
            Description = StatusDescription(description),
            EnvironmentUrl = environmentUrl,
            LogUrl = logUrl,
        };
}
