using BuildEngine;
using Ktrdr.Deploy.EntryPoints;

namespace Ktrdr.Build;

/// <summary>Images: Restore, BuildImages and PushGhcr (see <see cref="ImageRun"/>).</summary>
partial class Build
{
    [Parameter("KTRDR checkout the application image is built from (homelab, CI); the lab builds its stand-in instead")]
    readonly string? KtrdrRoot;

    [Parameter("Version: a second image tag and the org.opencontainers.image.version label (default: the version the sources declare)")]
    readonly string? ImageVersion;

    Target Restore => _ => _
        .Description("Restore what image builds need: the stand-in's packages (lab) or a check of the KTRDR checkout given by --ktrdr-root")
        .Uses(() => KtrdrRoot, () => Environment, () => DeployRoot)
        .Executes(ct => ImageRun.RestoreAsync(Images(), ct));

    Target BuildImages => _ => _
        .Description("Build the backend/worker images tagged sha-<git> and the version, with OCI labels; unchanged inputs are not rebuilt")
        .DependsOn(Restore, LabUp)
        .Uses(() => Tag, () => ImageVersion, () => KtrdrRoot)
        .Executes(ct => ImageRun.BuildAsync(Images(), ct));

    Target PushGhcr => _ => _
        .Description("Push images to the environment's registry (ghcr.io/<owner>, or the lab registry) and print their digests")
        .DependsOn(BuildImages, LabUp)
        .Uses(() => Tag, () => Environment)
        .Executes(ct => ImageRun.PushAsync(Scope(), Images(), ct));

    ImageRequest Images() => new(LoadTopology(), RootDirectory, DeployRootPath, ArtifactsDirectory, ResolvedTag, KtrdrRoot, ImageVersion);
}
