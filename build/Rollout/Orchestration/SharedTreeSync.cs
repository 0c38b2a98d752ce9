using Ktrdr.Deploy.Commands.Docker;
using Ktrdr.Deploy.Images;
using Ktrdr.Deploy.Rendering.Bundles;
using Ktrdr.Deploy.Rollout.Layout;
using Ktrdr.Deploy.Topology;
using Serilog;

namespace Ktrdr.Deploy.Rollout.Orchestration;

/// <summary>SyncNfsLayout: the shared tree made to match storage: in topology.yml, then proven by writing as its uid on each node.</summary>
public static class SharedTreeSync
{
    public static async Task RunAsync(OperationScope scope, IReadOnlyList<string> targetNodes, CancellationToken ct)
    {
        var env = scope.Env;
        var nodes = NodeSelector.Select(env, targetNodes);
        if (scope.NeedsConfirmation)
            Log.Information("SyncNfsLayout would make {Path} on {Nodes} match storage: in topology.yml (owner {Uid}:{Gid}, dirs {Dir}, files {File})",
                env.Storage.Path, string.Join(", ", nodes.Select(n => n.Name)), env.Storage.Uid, env.Storage.Gid,
                Convert.ToString(env.Storage.DirectoryMode, 8), Convert.ToString(env.Storage.FileMode, 8));
        scope.RequireConfirmation("SyncNfsLayout");
        var secrets = await scope.Secrets.FetchAsync(env, scope.RegistrySecretName, ct);
        var login = scope.PullLogin(secrets);
        var image = NodeVariables.ImageReference(env, env.Images[ImagePlanner.ApplicationKey], scope.Tag);
        var ensure = login is null ? DockerCommands.PullIfMissing(image) : DockerCommands.WithTemporaryLogin(DockerCommands.PullIfMissing(image), login.Host, login.User, login.Token);
        // changes one node after another (on a shared tree the first node's changes are the others' "nothing to change"),
        // then the proofs in parallel
        var changes = 0;
        foreach (var node in nodes) changes += (await LayoutSync.SyncAsync(await scope.Connections.ConnectAsync(node, ct), env.Storage, ct)).Count;
        await Task.WhenAll(nodes.Select(async node => await LayoutSync.ProveAsync(await scope.Connections.ConnectAsync(node, ct), env.Storage, image, ensure, ct)));
        Log.Information("Shared tree {Path}: {Changes} change(s) applied; uid {Uid} with group {Gid} proven on {Nodes}", env.Storage.Path,
            changes, env.Storage.Uid, env.Storage.Gid, string.Join(", ", nodes.Select(n => n.Name)));
    }
}
