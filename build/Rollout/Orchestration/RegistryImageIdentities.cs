using System.Collections.Concurrent;
using Ktrdr.Deploy.Commands.Docker;
using Ktrdr.Deploy.Images;
using Ktrdr.Deploy.Remote.Local;
using Ktrdr.Deploy.Rollout.Deploy;
using Ktrdr.Deploy.Rollout.Nodes;
using Ktrdr.Deploy.Secrets;
using Ktrdr.Deploy.Topology;

namespace Ktrdr.Deploy.Rollout.Orchestration;

/// <summary>
/// Image variable → what it resolves to now: <c>reference@digest</c> from the registry for images we build (so a re-pushed
/// tag is a change), the pinned reference for the others; on this machine (local environment) the local image id. Asked
/// once per image per run.
/// </summary>
public sealed class RegistryImageIdentities : IImageIdentities
{
    private readonly ConcurrentDictionary<string, Lazy<Task<string>>> _asked = new(StringComparer.Ordinal);

    public async Task<IReadOnlyDictionary<string, string>> ResolveAsync(EnvironmentTopology env, NodeSpec node, NodeBundle bundle, SecretSet secrets,
        string tag, CancellationToken ct)
    {
        // every image asked at once: a run's registry round trips overlap instead of adding up
        var identities = await Task.WhenAll(bundle.EnvImages.Select(async pair => (Variable: pair.Key, Identity: await IdentityAsync(env, node, pair.Key, pair.Value, secrets, tag, ct))));
        return identities.ToDictionary(i => i.Variable, i => i.Identity, StringComparer.Ordinal);
    }

    private async Task<string> IdentityAsync(EnvironmentTopology env, NodeSpec node, string variable, string reference, SecretSet secrets, string tag, CancellationToken ct)
    {
        var image = env.Images.Values.Single(i => i.EnvVariable == variable);
        return !image.Build ? reference : await _asked.GetOrAdd(reference, _ => new Lazy<Task<string>>(async () =>
        {
            if (NodeTargets.IsThisMachine(node)) return await LocalAsync(env, reference, ct);
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(15) };
            var token = env.Registry.TokenSecret is { } name ? secrets[name] : null;
            var digest = await new RegistryClient(http).DigestAsync(env.Registry.Url, image.Repository, tag, env.Registry.Username, token, ct)
                         ?? throw new RolloutException($"the registry {env.Registry.Url} has no {image.Repository}:{tag}: " +
                                                       "run ./build.sh PushGhcr (or pass the --tag that was pushed)");
            return $"{reference}@{digest}";
        })).Value;
    }

    /// <summary>An image built on this machine for the local environment: <c>reference@&lt;image id&gt;</c>, never asked of a registry.</summary>
    private static async Task<string> LocalAsync(EnvironmentTopology env, string reference, CancellationToken ct)
    {
        var result = await new LocalExecutor().RunAsync(DockerCommands.ImageId(reference), ct);
        return result.Succeeded && result.StandardOutput.Trim() is { Length: > 0 } id
            ? $"{reference}@{id}"
            : throw new RolloutException($"the image {reference} is not on this machine: run ./build.sh BuildImages --environment {env.Name} " +
                                         "(the local environment runs what is built here; it is never pushed or pulled)");
    }
}
