using System.Diagnostics;
using Ktrdr.Deploy.Lab.Planning;
using Serilog;
using Ktrdr.Deploy.DockerClient;

namespace Ktrdr.Deploy.Lab.Docker;

/// <summary>The images the lab runs, by reference.</summary>
internal sealed record LabImageSet(string Node, string Registry, string Dns, string AlertSink);

/// <summary>
/// Builds the node, registry, dns and alert-sink images from deploy/docker/lab/&lt;kind&gt;/, each tagged with its
/// <see cref="ContentTag"/>: an image whose tag exists is up to date and not built again.
/// </summary>
public static class LabImages
{
    public static readonly string[] Kinds = ["node", "registry", "dns", "alert-sink"];

    public static string Reference(string kind, string dockerfiles, string baseImageId) =>
        $"ktrdr-lab/{kind}:{ContentTag.Compute(Path.Combine(dockerfiles, kind), baseImageId)}";

    /// <summary>The reference each kind of image has for these Dockerfiles and this base image.</summary>
    internal static LabImageSet References(string dockerfiles, string baseImageId) => Set(ByKind(dockerfiles, baseImageId));

    /// <summary>The images, and the references that had to be built now.</summary>
    internal static async Task<(LabImageSet Images, IReadOnlyList<string> Built)> EnsureAsync(
        DockerCli docker, string dockerfiles, string baseImageId, CancellationToken ct)
    {
        var references = ByKind(dockerfiles, baseImageId);
        var built = await Task.WhenAll(Kinds.Select(kind => EnsureOneAsync(docker, references[kind], Path.Combine(dockerfiles, kind), ct)));
        return (Set(references), [.. built.OfType<string>()]);
    }

    /// <summary>Each kind's reference; each costs a hash of its folder, so it is computed once per call.</summary>
    private static Dictionary<string, string> ByKind(string dockerfiles, string baseImageId) =>
        Kinds.ToDictionary(k => k, k => Reference(k, dockerfiles, baseImageId));

    private static LabImageSet Set(IReadOnlyDictionary<string, string> references) =>
        new(references["node"], references["registry"], references["dns"], references["alert-sink"]);

    /// <summary>The image's id, or null when there is no such image.</summary>
    public static async Task<string?> IdAsync(DockerCli docker, string reference, CancellationToken ct)
    {
        var result = await docker.TryAsync(["image", "inspect", "--format", "{{.Id}}", reference], ct);
        return result.Succeeded ? result.Output.Trim() : null;
    }

    private static async Task<string?> EnsureOneAsync(DockerCli docker, string reference, string folder, CancellationToken ct)
    {
        if (!File.Exists(Path.Combine(folder, "Dockerfile")))
            throw new LabException($"{folder}/Dockerfile does not exist: the lab's images are built from deploy/docker/lab/<kind>/");
        if (await IdAsync(docker, reference, ct) is not null)
        {
            Log.Information("  image {Image} up to date", reference);
            return null;
        }
        Log.Information("  building {Image} from {Folder} (minutes the first time: apt installs from the mirror)", reference, folder);
        var watch = Stopwatch.StartNew();
        await docker.RunAsync(DockerArgs.Build(reference, folder, BaseImage.Reference), ct);
        Log.Information("  built {Image} in {Elapsed}", reference, BuildEngine.Elapsed.Format(watch.Elapsed));
        return reference;
    }
}
