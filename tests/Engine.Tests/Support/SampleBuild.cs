using BuildEngine;

namespace Engine.Tests.Support;

/// <summary>A small deploy-shaped build used by the --help, --list-json, --plan and target-name tests.</summary>
public sealed class SampleBuild : RecordingBuild
{
    public const string DefaultPassword = "default-hunter2";

    protected override string EnvironmentVariablePrefix => "KTRDR";

    [Parameter("Node(s) to deploy to")] readonly string[] TargetNode = [];
    [Parameter("Image tag")] readonly string Tag = "latest";
    [Parameter("Registry password")] [Secret] readonly string RegistryPassword = DefaultPassword;

    Target Restore => _ => _.Description("Restore packages").Executes(() => Record(nameof(Restore)));

    Target BuildImages => _ => _.Description("Build the images").DependsOn(Restore).Uses(() => Tag)
        .Executes(() => Record(nameof(BuildImages) + ":" + Tag));

    Target PushGhcr => _ => _.Description("Push the images").DependsOn(BuildImages)
        .OnlyWhenStatic(() => IsServerBuild).Requires(() => RegistryPassword).Uses(() => Tag)
        .Executes(() => Record(nameof(PushGhcr) + ":" + RegistryPassword.Length));

    Target DeployWorkers => _ => _.Description("Roll out the workers").DependsOn(BuildImages)
        .Requires(() => TargetNode).Triggers(Verify)
        .Executes(() => Record(nameof(DeployWorkers) + ":" + string.Join(",", TargetNode)));

    Target Verify => _ => _.Description("Probe every service").Executes(() => Record(nameof(Verify)));

    Target Internal => _ => _.Unlisted().Executes(() => Record(nameof(Internal)));

    public Target Default => _ => _.Description("Everything").DependsOn(DeployWorkers);
}
