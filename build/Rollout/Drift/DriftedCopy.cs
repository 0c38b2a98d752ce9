using Ktrdr.Deploy.Remote;
using Ktrdr.Deploy.Rollout.Deploy;
using Ktrdr.Deploy.Rollout.Nodes;
using Ktrdr.Deploy.Topology;
using static Ktrdr.Deploy.Remote.Execution.ShellQuote;

namespace Ktrdr.Deploy.Rollout.Drift;

/// <summary>
/// Puts a bundle's files back over a node whose files drifted while its stamp names the same bundle (or on --force).
/// The node's copy is kept for forensics as <c>&lt;deploy_dir&gt;.drifted-&lt;UTC time&gt;</c> (the newest <see cref="Kept"/>),
/// and <c>.previous</c> still holds the last good deploy before it (Rollback goes there): the copy is moved aside and
/// .previous moved into its place, so the upload's swap moves .previous back where it was. A secret an operator pasted
/// into one of its files by hand is masked in the copy once the bundle is back (<see cref="SecretLineMask.Scrub"/>):
/// what was changed stays visible, no secret value stays at rest. When a new bundle replaces hand-edited files, those
/// files end up the same way once the new bundle is healthy (<see cref="RetirePreviousAsync"/>): until then they are
/// .previous, which a failed pull or health gate swaps back, since they are what the node ran.
/// </summary>
public static class DriftedCopy
{
    public const int Kept = 3;

    /// <summary>Moves the deploy directory aside, .previous into its place, prunes old copies; prints the copy's path.</summary>
    public static RemoteCommand SetAside(NodeSpec node, bool elevate) => new(
        $"{Naming(node)} mv -- \"$d\" \"$t\"; [ ! -d \"$p\" ] || mv -- \"$p\" \"$d\"; {Prune}",
        $"keep the drifted copy of {node.DeployDirectory} on {node.Name}") { Sudo = elevate };

    /// <summary>
    /// After a new bundle replaced hand-edited files: .previous (those files) becomes a drifted copy, pruned like the
    /// others; prints its path. The node keeps no .previous then, so Rollback never swaps back into hand edits it cannot
    /// vouch for: it names the tag to deploy again instead (<see cref="Operations.RollbackChoice.Refusal"/>).
    /// </summary>
    public static RemoteCommand RetirePrevious(NodeSpec node, bool elevate) => new(
        $"{Naming(node)} mv -- \"$p\" \"$t\"; {Prune}",
        $"keep the hand-edited files {node.DeployDirectory} ran before as a drifted copy on {node.Name}") { Sudo = elevate };

    /// <summary>Shell variables d (deploy directory), p (its .previous) and t (a new drifted copy's free name).</summary>
    private static string Naming(NodeSpec node) =>
        $"set -e; d={Quote(node.DeployDirectory.TrimEnd('/'))}; p=\"$d.previous\"; t=\"$d.drifted-$(date -u +%Y%m%dT%H%M%SZ)\"; " +
        "[ ! -e \"$t\" ] || t=\"$t-$$\";";

    /// <summary>Removes all but the newest <see cref="Kept"/> drifted copies, then prints the new copy's path.</summary>
    private static readonly string Prune =
        $"ls -1d \"$d\".drifted-* | sort -r | tail -n +{Kept + 1} | while IFS= read -r old; do rm -rf -- \"$old\"; done; echo \"$t\"";

    /// <summary>After a failed upload: the drifted copy back in place, .previous where it was.</summary>
    public static RemoteCommand Undo(NodeSpec node, string copy, bool elevate) => new(
        $"set -e; d={Quote(node.DeployDirectory.TrimEnd('/'))}; [ ! -d \"$d\" ] || mv -- \"$d\" \"$d.previous\"; mv -- {Quote(copy)} \"$d\"",
        $"put {node.DeployDirectory} back on {node.Name}") { Sudo = elevate };

    /// <summary>
    /// The node's stamp carried from the drifted copy into the restored directory: the same bundle is back, so the stamp
    /// still says what the node runs. Without it a run stopped before its own stamp (Ctrl-C during a drain) left the node
    /// stampless, and the next deploy took the same bundle for a new one and pushed the last good deploy out of .previous.
    /// </summary>
    public static RemoteCommand KeepStamp(NodeSpec node, string copy, bool elevate) => new(
        $"s={Quote($"{copy.TrimEnd('/')}/{DeployStamp.FileName}")}; [ ! -f \"$s\" ] || cp -p -- \"$s\" {Quote(DeployStamp.PathOn(node))}",
        $"keep the stamp of {node.DeployDirectory} on {node.Name}") { Sudo = elevate };

    /// <summary>The values of secret assignments in the copy's .env and YAML files masked, in place.</summary>
    public static RemoteCommand ScrubSecrets(NodeSpec node, string copy, IReadOnlyCollection<string> secretNames, bool elevate) => new(
        $"set -e; {SecretLineMask.Scrub(Quote(copy), secretNames)}",
        $"mask the secrets in the drifted copy of {node.DeployDirectory} on {node.Name}") { Sudo = elevate };

    /// <summary>
    /// After a new bundle replaced hand-edited files and passed its health gate: those files, now .previous, become a
    /// drifted copy with their secrets masked (<see cref="RetirePrevious"/>); gives the copy's path.
    /// </summary>
    public static async Task<string> RetirePreviousAsync(ICommandExecutor node, NodeSpec spec, IReadOnlyCollection<string> secretNames, bool elevate,
        CancellationToken ct)
    {
        var copy = (await NodeRun.RequireAsync(node, RetirePrevious(spec, elevate), ct)).StandardOutput.Trim();
        await NodeRun.RequireAsync(node, ScrubSecrets(spec, copy, secretNames, elevate), ct);
        return copy;
    }

    /// <summary>
    /// Sets the node's copy aside, uploads the bundle (its swap restores .previous), keeps the stamp, masks the copy's
    /// secrets, and gives the copy's path; undone (the copy untouched) when the upload fails.
    /// </summary>
    public static async Task<string> UploadAsync(ICommandExecutor node, NodeSpec spec, string bundleDirectory, IReadOnlyCollection<string> secretNames,
        bool elevate, CancellationToken ct)
    {
        var copy = (await NodeRun.RequireAsync(node, SetAside(spec, elevate), ct)).StandardOutput.Trim();
        try
        {
            await node.UploadDirectoryAsync(bundleDirectory, spec.DeployDirectory, ct, elevate);
        }
        catch
        {
            await NodeRun.RequireAsync(node, Undo(spec, copy, elevate), CancellationToken.None);
            throw;
        }
        await NodeRun.RequireAsync(node, KeepStamp(spec, copy, elevate), CancellationToken.None);
        await NodeRun.RequireAsync(node, ScrubSecrets(spec, copy, secretNames, elevate), CancellationToken.None);
        return copy;
    }
}
