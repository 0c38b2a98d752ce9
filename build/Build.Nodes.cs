using System.Collections.Concurrent;
using BuildEngine;
using Ktrdr.Deploy.Commands.Docker;
using Ktrdr.Deploy.Images;
using Ktrdr.Deploy.Remote;
using Ktrdr.Deploy.Remote.Local;
using Ktrdr.Deploy.Remote.Ssh;
using Ktrdr.Deploy.Rendering.Bundles;
using Ktrdr.Deploy.Rollout.Deploy;
using Ktrdr.Deploy.Rollout.Layout;
using Ktrdr.Deploy.Rollout.Nodes;
using Ktrdr.Deploy.Secrets;
using Ktrdr.Deploy.Topology;
using Serilog;

namespace Ktrdr.Build;

/// <summary>
/// Reaching nodes: one SSH connection per node for the whole run (every target reuses it), the registry login nodes
/// pull with, what each image variable resolves to in the registry, and SyncNfsLayout.
/// </summary>
partial class Build
{
    readonly ConcurrentDictionary<string, Lazy<Task<ICommandExecutor>>> Connections = new(StringComparer.Ordinal);
    readonly ConcurrentDictionary<string, Lazy<Task<string>>> ImageIdentities = new(StringComparer.Ordinal);

    Target SyncNfsLayout => _ => _
        .Description("Create data/ results/ models/ db-backups/ on the shared tree with owner 999:1500, dirs 2775, files 664; prove it as uid 999 on each node")
        .DependsOn(LabUp)
        .After(PushGhcr)
        .Uses(() => Environment, () => TargetNode, () => Tag, () => Confirm)
        .Executes(async ct =>
        {
            var env = WithRuntimeAddresses(LoadTopology());
            var nodes = SelectNodes(env);
            if (NeedsConfirmation(env))
                Log.Information("SyncNfsLayout would make {Path} on {Nodes} match storage: in topology.yml (owner {Uid}:{Gid}, dirs {Dir}, files {File})",
                    env.Storage.Path, string.Join(", ", nodes.Select(n => n.Name)), env.Storage.Uid, env.Storage.Gid,
                    Convert.ToString(env.Storage.DirectoryMode, 8), Convert.ToString(env.Storage.FileMode, 8));
            RequireConfirmation(env, "SyncNfsLayout");
            var secrets = await FetchSecretsAsync(env, RegistrySecretName(env), ct);
            var login = PullLogin(env, secrets);
            var image = NodeVariables.ImageReference(env, env.Images[ImagePlanner.ApplicationKey], ResolvedTag);
            var ensure = login is null ? DockerCommands.PullIfMissing(image) : DockerCommands.WithTemporaryLogin(DockerCommands.PullIfMissing(image), login.Host, login.User, login.Token);
            // changes one node after another (on a shared tree the first node's changes are the others' "nothing to
            // change"), then the proofs in parallel
            var changes = 0;
            foreach (var node in nodes) changes += (await LayoutSync.SyncAsync(await ConnectAsync(node, ct), env.Storage, ct)).Count;
            await Task.WhenAll(nodes.Select(async node => await LayoutSync.ProveAsync(await ConnectAsync(node, ct), env.Storage, image, ensure, ct)));
            Log.Information("Shared tree {Path}: {Changes} change(s) applied; uid {Uid} with group {Gid} proven on {Nodes}", env.Storage.Path,
                changes, env.Storage.Uid, env.Storage.Gid, string.Join(", ", nodes.Select(n => n.Name)));
        });

    /// <summary>The node's SSH connection, opened on first use (host key checked against known_hosts) and reused.</summary>
    Task<ICommandExecutor> ConnectAsync(NodeSpec node, CancellationToken ct) =>
        Connections.GetOrAdd(node.Name, _ => new Lazy<Task<ICommandExecutor>>(async () =>
        {
            if (NodeTargets.IsThisMachine(node))
                return await NodeProgress.StepAsync<ICommandExecutor>(node.Name, "connect", () =>
                    Task.FromResult<(ICommandExecutor, string)>((new LocalExecutor(node.Name), $"this machine ({node.Host}): no SSH, commands run here as {System.Environment.UserName}")));
            var home = System.Environment.GetFolderPath(System.Environment.SpecialFolder.UserProfile);
            return await NodeProgress.StepAsync<ICommandExecutor>(node.Name, "connect", async () =>
            {
                var target = NodeTargets.For(node, RootDirectory, home);
                return (await SshExecutor.ConnectAsync(target, ct), $"{target.User}@{target.Host}:{target.Port}, host key matches {Path.GetFileName(target.KnownHostsFile)}");
            });
        })).Value;

    static IEnumerable<string> RegistrySecretName(EnvironmentTopology env) => env.Registry.TokenSecret is { } name ? [name] : [];

    /// <summary>The login nodes pull with: the registry's pull host, its user and the token secret; null when it needs none.</summary>
    static RegistryPull? PullLogin(EnvironmentTopology env, SecretSet secrets) =>
        env.Registry is { Username: { } user, TokenSecret: { } token } ? new RegistryPull(env.Registry.PullHost, user, secrets[token]) : null;

    /// <summary>
    /// Image variable → what it resolves to now: <c>reference@digest</c> from the registry for images we build (so a
    /// re-pushed tag is a change), the pinned reference for the others. Asked once per image per run.
    /// </summary>
    async Task<IReadOnlyDictionary<string, string>> ImageIdentitiesAsync(EnvironmentTopology env, NodeSpec node, NodeBundle bundle, SecretSet secrets, CancellationToken ct)
    {
        var identities = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (variable, reference) in bundle.EnvImages)
        {
            var image = env.Images.Values.Single(i => i.EnvVariable == variable);
            identities[variable] = !image.Build ? reference : await ImageIdentities.GetOrAdd(reference, _ => new Lazy<Task<string>>(async () =>
            {
                if (NodeTargets.IsThisMachine(node)) return await LocalImageIdentityAsync(env, reference, ct);
                using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(15) };
                var token = env.Registry.TokenSecret is { } name ? secrets[name] : null;
                var digest = await new RegistryClient(http).DigestAsync(env.Registry.Url, image.Repository, ResolvedTag, env.Registry.Username, token, ct)
                             ?? throw new BuildFailedException($"the registry {env.Registry.Url} has no {image.Repository}:{ResolvedTag}: " +
                                                               "run ./build.sh PushGhcr (or pass the --tag that was pushed)");
                return $"{reference}@{digest}";
            })).Value;
        }
        return identities;
    }

    /// <summary>An image built on this machine for the local environment: <c>reference@&lt;image id&gt;</c>, never asked of a registry.</summary>
    async Task<string> LocalImageIdentityAsync(EnvironmentTopology env, string reference, CancellationToken ct)
    {
        var result = await new LocalExecutor().RunAsync(DockerCommands.ImageId(reference), ct);
        return result.Succeeded && result.StandardOutput.Trim() is { Length: > 0 } id
            ? $"{reference}@{id}"
            : throw new BuildFailedException($"the image {reference} is not on this machine: run ./build.sh BuildImages --environment {env.Name} " +
                                             "(the local environment runs what is built here; it is never pushed or pulled)");
    }
}
