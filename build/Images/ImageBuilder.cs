using System.Diagnostics;
using Ktrdr.Deploy.DockerClient;

namespace Ktrdr.Deploy.Images;

/// <summary>One image after BuildImages: its tags, whether it was built now, its id and size.</summary>
public sealed record BuiltImage(ImageRecipe Recipe, IReadOnlyList<string> Tags, bool Built, string Id, long SizeBytes, TimeSpan Duration)
{
    public string Status => Built ? "built" : "up to date";
}

/// <summary>
/// Builds an image unless one with the same inputs hash already carries the tag (then it only adds missing tags).
/// Contexts that need preparing (a .NET publish) are made under <paramref name="workDirectory"/>, and only when a
/// build is needed.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class ImageBuilder(DockerCli docker, string workDirectory)
{
    public async Task<BuiltImage> EnsureAsync(ImageRecipe recipe, BuildSettings settings, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        var dockerfileText = await File.ReadAllTextAsync(recipe.Dockerfile, ct);
        var labels = ImageCommands.Labels(settings);
        var arguments = ImageCommands.Arguments(settings, ImageCommands.WantsBaseImage(dockerfileText));
        var hash = InputsHash.Compute(recipe, arguments, labels);
        var tags = ImagePlanner.Tags(settings);

        // an image with these exact inputs may exist under another tag (its inputs tag says so): then tagging is the build
        var inputsTag = ImageCommands.InputsTag(hash);
        var existing = await InspectAsync(recipe.Local(settings.Tag), ct);
        var same = existing?.Inputs == hash ? recipe.Local(settings.Tag) : await InspectAsync(recipe.Local(inputsTag), ct) is not null ? recipe.Local(inputsTag) : null;
        var built = same is null;
        if (built)
        {
            var context = await PrepareContextAsync(recipe, ct);
            await RunAsync(ImageCommands.Build(recipe, context, [.. tags, inputsTag], labels, arguments, hash, dockerfileText), ct);
        }
        else
            foreach (var tag in tags.Append(inputsTag).Where(t => recipe.Local(t) != same))
                await RunAsync(["tag", same!, recipe.Local(tag)], ct);

        var image = await InspectAsync(recipe.Local(settings.Tag), ct)
                    ?? throw new ImageException($"docker build reported success but {recipe.Local(settings.Tag)} does not exist on {docker}");
        return new BuiltImage(recipe, tags, built, image.Id, image.Size, watch.Elapsed);
    }

    private sealed record LocalImage(string Inputs, string Id, long Size);

    private async Task<LocalImage?> InspectAsync(string reference, CancellationToken ct)
    {
        var result = await docker.TryAsync(ImageCommands.InspectInputs(reference), ct);
        if (!result.Succeeded) return null;
        var parts = result.Output.Trim().Split('|');
        return new LocalImage(parts[0] == "<no value>" ? "" : parts[0], parts[1], long.TryParse(parts[2], out var size) ? size : 0);
    }

    /// <summary>
    /// The directory docker builds from. A checkout is built where it is (our files come in as a named context, see
    /// <see cref="ImageCommands.Build"/>). Anything else is staged under the work directory: the folder's files (a
    /// .NET project's sources replaced by its published app) plus the secrets entrypoint at the context's root.
    /// </summary>
    private async Task<string> PrepareContextAsync(ImageRecipe recipe, CancellationToken ct)
    {
        if (recipe.Kind == ContextKind.Checkout) return recipe.Source;

        var context = Path.Combine(workDirectory, recipe.Key);
        if (Directory.Exists(context)) Directory.Delete(context, recursive: true);
        var sourceFolder = recipe.Kind == ContextKind.DotnetPublish ? Path.GetRelativePath(recipe.Folder, recipe.Source).Split('/')[0] : null;
        foreach (var file in InputsHash.Files(recipe.Folder).Where(f => f.Split('/')[0] != sourceFolder))
            Stage(Path.Combine(recipe.Folder, file), Path.Combine(context, file));
        if (recipe.SecretsEntrypoint is { } entrypoint)
        {
            var staged = Path.Combine(context, ImageRecipe.SecretsEntrypointName);
            Stage(entrypoint, staged);
            File.SetUnixFileMode(staged, (UnixFileMode)0b111_101_101);   // 0755: COPY keeps the mode, and a service may run as any user
        }
        if (recipe.Kind == ContextKind.DotnetPublish)
            await DotnetCli.RunAsync("publish", recipe.Source,
                ["-c", "Release", "-r", "linux-x64", "--self-contained", "-p:PublishSingleFile=true", "-o", Path.Combine(context, "app")], ct);
        return context;
    }

    private static void Stage(string source, string target)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.Copy(source, target);
    }

    private async Task RunAsync(IReadOnlyList<string> args, CancellationToken ct)
    {
        try { await docker.RunAsync(args, ct); }
        catch (DockerException e) { throw new ImageException(e.Message, e); }
    }
}
