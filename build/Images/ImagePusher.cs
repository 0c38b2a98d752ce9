using System.Diagnostics;
using Ktrdr.Deploy.Topology;
using Ktrdr.Deploy.DockerClient;

namespace Ktrdr.Deploy.Images;

/// <summary>One pushed tag and the digest the registry resolves it to.</summary>
public sealed record PushedImage(string Reference, string Digest, TimeSpan Duration);

/// <summary>
/// Pushes an image's tags to the registry, logged in through a throw-away DOCKER_CONFIG (the token on standard input,
/// never in argv; nothing left on disk afterwards), then asks the registry what each tag resolves to: the push counts
/// only when that digest is the one docker pushed.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class ImagePusher(DockerCli docker, RegistryClient registry)
{
    public async Task<IReadOnlyList<PushedImage>> PushAsync(
        RegistrySpec target, string? token, IEnumerable<(ImageRecipe Recipe, IReadOnlyList<string> Tags)> images, CancellationToken ct)
    {
        var config = Directory.CreateTempSubdirectory("ktrdr-docker-config-");
        if (!OperatingSystem.IsWindows()) config.UnixFileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
        try
        {
            var client = docker.WithConfig(config.FullName);
            if (target.Username is not null)
            {
                if (string.IsNullOrEmpty(token))
                    throw new ImageException($"the registry {target.Host} needs a login as {target.Username}, and the token ({target.TokenSecret}) is empty");
                var login = await client.TryAsync(["login", target.Host, "--username", target.Username, "--password-stdin"], ct, token);
                if (!login.Succeeded)
                    throw new ImageException($"docker login {target.Host} as {target.Username} was refused: {login.Error.Trim()}. " +
                                             $"Check the token in {target.TokenSecret} (GHCR: a token with write:packages).");
            }
            // images in parallel (their uploads are independent), an image's tags in order (the second costs nothing)
            var pushed = await Task.WhenAll(images.Select(async image =>
            {
                var results = new List<PushedImage>();
                foreach (var tag in image.Tags) results.Add(await PushOneAsync(client, target, token, image.Recipe, tag, ct));
                return results;
            }));
            return [.. pushed.SelectMany(p => p)];
        }
        finally
        {
            config.Delete(recursive: true);
        }
    }

    private async Task<PushedImage> PushOneAsync(DockerCli client, RegistrySpec target, string? token, ImageRecipe recipe, string tag, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        var remote = ImageCommands.Remote(target.Url, recipe, tag);
        try
        {
            await client.RunAsync(["tag", recipe.Local(tag), remote], ct);
            var output = (await client.RunAsync(["push", remote], ct)).Output;
            var pushedDigest = ImageCommands.PushedDigest(output)
                               ?? throw new ImageException($"docker push {remote} succeeded but printed no digest:\n  {output.Trim()}");
            var resolved = await registry.DigestAsync(target.Url, recipe.Repository, tag, target.Username, token, ct)
                           ?? throw new ImageException($"docker push {remote} succeeded but the registry has no tag {tag}");
            if (resolved != pushedDigest)
                throw new ImageException($"{remote} resolves to {resolved} in the registry, not to the pushed {pushedDigest}: " +
                                         "another push overwrote it; push again");
            return new PushedImage(remote, resolved, watch.Elapsed);
        }
        catch (DockerException e)
        {
            throw new ImageException(e.Message.Contains("does not exist", StringComparison.OrdinalIgnoreCase) || e.Message.Contains("No such image", StringComparison.Ordinal)
                ? $"{recipe.Local(tag)} has not been built: run ./build.sh BuildImages (PushGhcr depends on it), or pass the --tag it was built with"
                : e.Message, e);
        }
        finally
        {
            await client.TryAsync(["image", "rm", "--no-prune", remote], CancellationToken.None);   // only the registry-named tag
        }
    }
}
