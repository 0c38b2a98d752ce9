using BuildEngine;
using Ktrdr.Deploy.Commands.Output;
using Ktrdr.Deploy.DockerClient;
using Ktrdr.Deploy.Images;
using Ktrdr.Deploy.Lab;
using Ktrdr.Deploy.Remote;
using Ktrdr.Deploy.Rollout;
using Ktrdr.Deploy.Secrets;
using Ktrdr.Deploy.Topology;

namespace Ktrdr.Build;

/// <summary>
/// KTRDR's build and deploy entry point. One partial class, one file per concern (Build.&lt;Concern&gt;.cs);
/// targets read like a sentence and hand the work to the layers (Topology, Rendering, Remote).
/// <code>
/// Restore ─► BuildImages ─► PushGhcr ─┐
/// RenderConfigs ──────────────────────┼─► DeployCore ─► DeployWorkers ─► DeployGpu ─► Verify
/// SyncNfsLayout ──────────────────────┘
/// </code>
/// </summary>
partial class Build : NukeBuild
{
    /// <summary>./build.sh with no target rolls everything out to the embedded lab and verifies it.</summary>
    public static int Main() => Execute<Build>(x => x.Rollout);

    protected override string? EnvironmentVariablePrefix => "KTRDR";

    /// <summary>The layers' exceptions say what is wrong and what to do: they are reported as messages, never as bugs.</summary>
    protected override IReadOnlyCollection<Type> ExpectedFailures =>
    [
        typeof(InvalidInputException), typeof(LabException), typeof(DockerException), typeof(ImageException), typeof(RemoteException),
        typeof(SecretsUnavailableException), typeof(UnexpectedOutputException), typeof(RolloutException),
    ];

    [Parameter("Environment to act on: a folder under deploy/environments (lab, homelab, local)")]
    readonly string Environment = "lab";

    [Parameter("Node(s) to act on, comma-separated, or 'all' (default: every node the target deploys to)")]
    [NotEmpty("a node name, a comma-separated list, or all (leave --target-node out for every node)")]
    readonly string[] TargetNode = [];

    [Parameter("Image tag to build and deploy (default: sha-<7 chars of git HEAD>); latest-green: the newest commit on main whose build-images run succeeded (needs GITHUB_TOKEN and GITHUB_REPOSITORY)")]
    [Matches("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}", "a Docker image tag: letters, digits, '_', '.' and '-', not starting with '.' or '-', at most 128 characters (e.g. sha-1a2b3c4)")]
    readonly string? Tag;

    [Parameter("Deploy tree to read (default: this repository's deploy/)")]
    readonly string? DeployRoot;

    bool IsLab => Environment.Equals("lab", StringComparison.OrdinalIgnoreCase);

    /// <summary>A --target-node that no planned deploy target deploys stops the run before LabUp or any other target starts.</summary>
    protected override void OnBuildInitialized()
    {
        if (TargetNode.Length > 0 && TopologyLoader.TryLoad(DeployRootPath, Environment) is { } env)
            NodeSelector.CheckPlanned(env, TargetNode, PlannedTargets);
    }
}
