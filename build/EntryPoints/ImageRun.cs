using System.Runtime.Versioning;
using BuildEngine;
using Ktrdr.Deploy.DockerClient;
using Ktrdr.Deploy.Images;
using Ktrdr.Deploy.Lab.Docker;
using Ktrdr.Deploy.Lab.State;
using Ktrdr.Deploy.Rollout.Orchestration;
using Ktrdr.Deploy.Topology;
using Serilog;

namespace Ktrdr.Deploy.EntryPoints;

/// <summary>
/// What Restore, BuildImages and PushGhcr work with: the checkout, the deploy tree, this run's tag and version, and
/// whether the images are the lab's (built on the lab's own daemon, from its base image) or KTRDR's (--ktrdr-root).
/// </summary>
public sealed record ImageRequest(
    EnvironmentTopology Env, string RootDirectory, string DeployRoot, string ArtifactsDirectory, string Tag, string? KtrdrRoot, string? Version)
{
    internal bool IsLab => Env.Name.Equals("lab", StringComparison.OrdinalIgnoreCase);

    internal string WorkDirectory => Path.Combine(ArtifactsDirectory, "images");
}

/// <summary>
/// The image targets' entry point: what to build comes from the topology (ImagePlanner); images are built on the lab's
/// daemon in the lab and on this machine's otherwise; the push goes to the environment's registry and checks the digest
/// the tag resolves to.
/// </summary>
public static class ImageRun
{
    private const string LinuxOnly = "images are built and pushed on Linux (Docker's client and daemon; CI runs ubuntu-latest)";

    public static async Task RestoreAsync(ImageRequest request, CancellationToken ct)
    {
        if (!OperatingSystem.IsLinux()) throw new BuildFailedException(LinuxOnly);
        foreach (var recipe in Recipes(request))
            Log.Information("  {Image,-28} {Detail}", recipe.LocalName, await ImageRestore.RunAsync(recipe, request.WorkDirectory, ct));
    }

    public static Task BuildAsync(ImageRequest request, CancellationToken ct) =>
        OperatingSystem.IsLinux() ? BuildOnLinuxAsync(request, ct) : throw new BuildFailedException(LinuxOnly);

    [SupportedOSPlatform("linux")]
    private static async Task BuildOnLinuxAsync(ImageRequest request, CancellationToken ct)
    {
        var docker = Daemon(request);
        var baseImage = request.IsLab ? await LabBaseImageAsync(docker, ct) : null;
        var builder = new ImageBuilder(docker, request.WorkDirectory);
        var images = await Task.WhenAll(Recipes(request).Select(recipe => builder.EnsureAsync(recipe, Settings(request, recipe, baseImage), ct)));
        foreach (var image in images)
            Log.Information("  {Image,-28} {Status,-10} {Tags,-24} {Size,5} MB  {Id}  {Elapsed}", image.Recipe.LocalName, image.Status,
                string.Join(", ", image.Tags), image.SizeBytes / 1_000_000, image.Id.Replace("sha256:", "")[..12], Elapsed.Format(image.Duration));
        Log.Information("{Built} built, {UpToDate} up to date on {Daemon}", images.Count(i => i.Built), images.Count(i => !i.Built), docker);
    }

    /// <summary>Pushes through a throw-away login with the registry token of <paramref name="scope"/>'s masked secrets.</summary>
    public static async Task PushAsync(OperationScope scope, ImageRequest request, CancellationToken ct)
    {
        if (!OperatingSystem.IsLinux()) throw new BuildFailedException(LinuxOnly);
        var env = scope.Env;
        var token = env.Registry.TokenSecret is { } name ? (await scope.Secrets.FetchAsync(env, [name], ct))[name] : null;
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        var pusher = new ImagePusher(Daemon(request), new RegistryClient(http));
        var pushed = await pusher.PushAsync(env.Registry, token, Recipes(request).Select(r => (r, ImagePlanner.Tags(Settings(request, r, null)))), ct);
        foreach (var image in pushed)
            Log.Information("  pushed {Reference,-60} {Digest}  {Elapsed}", image.Reference, image.Digest, Elapsed.Format(image.Duration));
    }

    private static IReadOnlyList<ImageRecipe> Recipes(ImageRequest request) => ImagePlanner.Plan(request.Env, request.DeployRoot, request.KtrdrRoot);

    private static BuildSettings Settings(ImageRequest request, ImageRecipe recipe, BaseImageRef? baseImage) =>
        new(request.Tag, request.Version ?? ImagePlanner.SourceVersion(recipe), GitRevision.FullSha(request.RootDirectory),
            GitRevision.SourceUrl(request.RootDirectory), baseImage);

    /// <summary>The daemon images are built on: the lab's own in the lab (its nodes' base image is there), this machine's otherwise.</summary>
    [SupportedOSPlatform("linux")]
    private static DockerCli Daemon(ImageRequest request) => new(request.IsLab ? LabState.Load(request.RootDirectory).DockerHost : null);

    [SupportedOSPlatform("linux")]
    private static async Task<BaseImageRef> LabBaseImageAsync(DockerCli docker, CancellationToken ct) =>
        await LabImages.IdAsync(docker, BaseImage.Reference, ct) is { } id
            ? new BaseImageRef(BaseImage.Reference, id)
            : throw new BuildFailedException($"the lab's base image {BaseImage.Reference} is missing on {docker}: run ./build.sh LabUp");
}
