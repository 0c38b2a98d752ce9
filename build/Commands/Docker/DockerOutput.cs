using System.Text.Json;
using Ktrdr.Deploy.Commands.Output;
using Ktrdr.Deploy.Remote;

namespace Ktrdr.Deploy.Commands.Docker;

/// <summary>Reads what docker prints.</summary>
internal static class DockerOutput
{
    /// <summary>
    /// The digest of <paramref name="image"/> in its own repository; null when the image is not on the node or has no
    /// digest from that repository (built locally and never pushed or pulled). Digests of other repositories the same
    /// image was pushed to are ignored: they would name a different reference.
    /// </summary>
    public static ImageDigest? ImageDigest(CommandResult result, string image)
    {
        if (!result.Succeeded)
        {
            if (result.StandardError.Contains("No such image", StringComparison.OrdinalIgnoreCase)) return null;
            throw UnexpectedOutputException.For($"digest of {image}", "docker could not inspect the image", result);
        }

        var digests = OutputText.Lines(result.StandardOutput).Select(line => Split(line, result)).ToList();
        var repository = Familiar(Repository(image));
        return digests.FirstOrDefault(d => Familiar(d.Repository) == repository);
    }

    public static DockerInfo Info(CommandResult result)
    {
        const string what = "docker info";
        try
        {
            using var json = JsonDocument.Parse(OutputText.Lines(result.StandardOutput).FirstOrDefault() ?? "{}");
            var root = json.RootElement;
            var version = root.TryGetProperty("ServerVersion", out var v) ? v.GetString() : null;
            if (!result.Succeeded || string.IsNullOrEmpty(version))
                throw UnexpectedOutputException.For(what, "the docker daemon did not answer", result);
            return new DockerInfo(version, Text(root, "Name"), Text(root, "OperatingSystem"), Text(root, "Architecture"),
                root.GetProperty("ContainersRunning").GetInt32());
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw UnexpectedOutputException.For(what, $"the output is not docker's JSON ({e.Message})", result);
        }
    }

    /// <summary>The repository of an image reference: without its digest and without its tag.</summary>
    public static string Repository(string image)
    {
        var at = image.IndexOf('@');
        var name = at >= 0 ? image[..at] : image;
        var colon = name.LastIndexOf(':');
        return colon > name.LastIndexOf('/') ? name[..colon] : name;
    }

    /// <summary>Docker Hub names as docker prints them: without docker.io/ and library/.</summary>
    private static string Familiar(string repository)
    {
        var name = repository.StartsWith("docker.io/", StringComparison.Ordinal) ? repository["docker.io/".Length..] : repository;
        return name.StartsWith("library/", StringComparison.Ordinal) ? name["library/".Length..] : name;
    }

    private static ImageDigest Split(string line, CommandResult result)
    {
        var at = line.IndexOf('@');
        return at > 0
            ? new ImageDigest(line[..at], line[(at + 1)..])
            : throw UnexpectedOutputException.For("image digest", $"expected 'repository@sha256:...', found '{line}'", result);
    }

    private static string Text(JsonElement root, string property) => root.GetProperty(property).GetString() ?? "";
}
