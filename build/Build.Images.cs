using System.Runtime.Versioning;
using BuildEngine;
using Ktrdr.Deploy.EntryPoints;
using Ktrdr.Deploy.Images;
using Ktrdr.Deploy.Lab;
using Ktrdr.Deploy.Lab.Docker;
using Ktrdr.Deploy.Lab.State;
using Ktrdr.Deploy.Rollout.Orchestration;
using Ktrdr.Deploy.Topology;
using Serilog;

namespace Ktrdr.Build;

/// <summary>
/// Images: what to build comes from the topology (ImagePlanner); BuildImages builds on the lab's daemon in the lab and
/// on this machine's otherwise; PushGhcr pushes to the environment's registry and checks the digest the tag resolves to.
/// </summary>
partial class Build
{
    [Parameter("KTRDR checkout the application image is built from (homelab, CI); the lab builds its stand-in instead")]
    readonly string? KtrdrRoot;

    [Parameter("Version: a second image tag and the org.opencontainers.image.version label (default: the version the sources declare)")]
    readonly string? ImageVersion;

    Target Restore => _ => _
        .Description("Restore what image builds need: the stand-in's packages (lab) or a check of the KTRDR checkout given by --ktrdr-root")
        .Uses(() => KtrdrRoot, () => Environment, () => DeployRoot)
        .Executes(async ct =>
        {
            if (!OperatingSystem.IsLinux()) throw new BuildFailedException(LinuxOnly);
            await RestoreAsync(ct);
        });

    Target BuildImages => _ => _
        .Description("Build the backend/worker images tagged sha-<git> and the version, with OCI labels; unchanged inputs are not rebuilt")
        .DependsOn(Restore, LabUp)
        .Uses(() => Tag, () => ImageVersion, () => KtrdrRoot)
        .Executes(async ct =>
        {
            if (!OperatingSystem.IsLinux()) throw new BuildFailedException(LinuxOnly);
            await BuildImagesAsync(ct);
        });

    Target PushGhcr => _ => _
        .Description("Push images to the environment's registry (ghcr.io/<owner>, or the lab registry) and print their digests")
        .DependsOn(BuildImages, LabUp)
        .Uses(() => Tag, () => Environment)
        .Executes(async ct =>
        {
            if (!OperatingSystem.IsLinux()) throw new BuildFailedException(LinuxOnly);
            await PushImagesAsync(ct);
        });

    [SupportedOSPlatform("linux")]
    async Task RestoreAsync(CancellationToken ct)
    {
        foreach (var recipe in ImageRecipes())
            Log.Information("  {Image,-28} {Detail}", recipe.LocalName, await ImageRestore.RunAsync(recipe, Path.Combine(ArtifactsDirectory, "images"), ct));
    }

    [SupportedOSPlatform("linux")]
    async Task BuildImagesAsync(CancellationToken ct)
    {
        var docker = ImageDaemon();
        var baseImage = IsLab ? await LabBaseImageAsync(docker, ct) : null;
        var builder = new ImageBuilder(docker, Path.Combine(ArtifactsDirectory, "images"));
        var images = await Task.WhenAll(ImageRecipes().Select(recipe => builder.EnsureAsync(recipe, SettingsFor(recipe, baseImage), ct)));
        foreach (var image in images)
            Log.Information("  {Image,-28} {Status,-10} {Tags,-24} {Size,5} MB  {Id}  {Elapsed}", image.Recipe.LocalName, image.Status,
                string.Join(", ", image.Tags), image.SizeBytes / 1_000_000, image.Id.Replace("sha256:", "")[..12], Elapsed.Format(image.Duration));
        Log.Information("{Built} built, {UpToDate} up to date on {Daemon}", images.Count(i => i.Built), images.Count(i => !i.Built), docker);
    }

    [SupportedOSPlatform("linux")]
    async Task PushImagesAsync(CancellationToken ct)
    {
        var env = WithRuntimeAddresses(LoadTopology());
        var token = await RegistryTokenAsync(env, ct);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        var pusher = new ImagePusher(ImageDaemon(), new RegistryClient(http));
        var pushed = await pusher.PushAsync(env.Registry, token, ImageRecipes().Select(r => (r, ImagePlanner.Tags(SettingsFor(r, null)))), ct);
        foreach (var image in pushed)
            Log.Information("  pushed {Reference,-60} {Digest}  {Elapsed}", image.Reference, image.Digest, Elapsed.Format(image.Duration));
    }

    const string LinuxOnly = "images are built and pushed on Linux (Docker's client and daemon; CI runs ubuntu-latest)";

    IReadOnlyList<ImageRecipe> ImageRecipes() => ImagePlanner.Plan(LoadTopology(), DeployRootPath, KtrdrRoot);

    BuildSettings SettingsFor(ImageRecipe recipe, BaseImageRef? baseImage) =>
        new(ResolvedTag, ImageVersion ?? ImagePlanner.SourceVersion(recipe), GitRevision.FullSha(RootDirectory), GitRevision.SourceUrl(RootDirectory), baseImage);

    /// <summary>The daemon images are built on: the lab's own in the lab (its nodes' base image is there), this machine's otherwise.</summary>
    [SupportedOSPlatform("linux")]
    DockerCli ImageDaemon() => new(IsLab ? LabState.Load(RootDirectory).DockerHost : null);

    [SupportedOSPlatform("linux")]
    static async Task<BaseImageRef> LabBaseImageAsync(DockerCli docker, CancellationToken ct) =>
        await LabImages.IdAsync(docker, BaseImage.Reference, ct) is { } id
            ? new BaseImageRef(BaseImage.Reference, id)
            : throw new BuildFailedException($"the lab's base image {BaseImage.Reference} is missing on {docker}: run ./build.sh LabUp");

    /// <summary>The registry token (a secret, masked in every log), or null when the registry needs no login.</summary>
    async Task<string?> RegistryTokenAsync(EnvironmentTopology env, CancellationToken ct) =>
        env.Registry.TokenSecret is { } name ? (await new MaskedSecrets(Secrets, RootDirectory).FetchAsync(env, [name], ct))[name] : null;
}
