using Ktrdr.Deploy.Remote;
using Ktrdr.Deploy.Topology;
using static Ktrdr.Deploy.Remote.Execution.ShellQuote;

namespace Ktrdr.Deploy.Commands.Layout;

/// <summary>
/// The shared data tree (SyncNfsLayout): look at it, plan in pure code what differs from the topology, apply exactly
/// that, and prove that the containers' user can use it.
/// </summary>
public static class SharedLayoutCommands
{
    private const string StatFormat = "%n|%F|%u|%g|%a";

    /// <summary>Prints <c>path|type|uid|gid|mode</c> for the shared path, each subdirectory and everything below them.</summary>
    public static RemoteCommand Inspect(SharedStorage storage) => new(
        $"set -e; f='{StatFormat}'; r={Quote(storage.Path)}; " +
        "if [ ! -e \"$r\" ] && [ ! -L \"$r\" ]; then printf '%s|missing|-|-|-\\n' \"$r\"; exit 0; fi; " +
        "stat -c \"$f\" -- \"$r\"; " +
        $"for d in {string.Join(' ', Subdirectories(storage).Select(Quote))}; do " +
        "if [ ! -e \"$d\" ] && [ ! -L \"$d\" ]; then printf '%s|missing|-|-|-\\n' \"$d\"; continue; fi; " +
        "stat -c \"$f\" -- \"$d\"; " +
        "if [ -d \"$d\" ] && [ ! -L \"$d\" ]; then find \"$d\" -mindepth 1 -exec stat -c \"$f\" -- {} +; fi; " +
        "done",
        $"inspect {storage.Path}");

    public static LayoutInspection ParseInspection(CommandResult result) => LayoutOutput.Inspection(result);

    /// <summary>The changes, in order, that make the inspected tree match <paramref name="storage"/>; empty when it does.</summary>
    public static LayoutPlan Plan(SharedStorage storage, LayoutInspection inspection) => LayoutPlanner.Plan(storage, inspection);

    /// <summary>
    /// Applies exactly <paramref name="changes"/>, as root. The script is fixed; the changes travel on standard input
    /// as <c>operation|argument|path</c> lines, so a tree of any size never makes the command line too long.
    /// Every operation is idempotent (mkdir -p, chown, chmod).
    /// </summary>
    public static RemoteCommand Apply(SharedStorage storage, IReadOnlyList<LayoutChange> changes)
    {
        if (changes.FirstOrDefault(change => !LayoutPlanner.Inside(storage, change.Path)) is { } outside)
            throw new ArgumentException($"The change '{outside.Description}' is outside the shared path {storage.Path}; it is refused.",
                nameof(changes));

        return new RemoteCommand(
            "set -e; while IFS= read -r c; do " +
            "op=${c%%|*}; c=${c#*|}; arg=${c%%|*}; p=${c#*|}; " +
            "case $op in " +
            "mkdir) mkdir -p -- \"$p\";; " +
            "chown) chown -- \"$arg\" \"$p\";; " +
            "chmod) chmod -- \"$arg\" \"$p\";; " +
            "*) echo \"unknown layout operation '$op'\" >&2; exit 2;; " +
            "esac; done",
            $"apply {changes.Count} change(s) to {storage.Path}")
        {
            StandardInput = string.Concat(changes.SelectMany(change => Operations(storage, change)).Select(line => line + "\n")),
            Sudo = true,
        };
    }

    /// <summary>
    /// Runs <paramref name="image"/> as the containers run (uid:uid plus the shared group, like compose's
    /// <c>user</c> and <c>group_add</c>) and, in each subdirectory, writes <c>.ktrdr-proof-&lt;nonce&gt;</c>, reads it back,
    /// reports its group (the setgid bit must make it the shared group) and removes it.
    /// </summary>
    public static RemoteCommand Proof(SharedStorage storage, string image, string nonce) =>
        new($"docker run --rm --network none --user {storage.Uid}:{storage.Uid} --group-add {storage.Gid} " +
            $"-v {Quote($"{storage.Path}:{storage.Path}")} --entrypoint sh {Quote(image)} -c {Quote(ProofScript.Inner(storage, nonce))}",
            $"prove uid {storage.Uid} with group {storage.Gid} can use {storage.Path}");

    public static ProofResult ParseProof(CommandResult result, SharedStorage storage) => ProofScript.Read(result, storage);

    internal static IEnumerable<string> Subdirectories(SharedStorage storage) =>
        storage.Subdirectories.Select(sub => $"{storage.Path.TrimEnd('/')}/{sub}");

    private static IEnumerable<string> Operations(SharedStorage storage, LayoutChange change)
    {
        var owner = LayoutPlanner.Owner(storage);
        return change.Action switch
        {
            LayoutAction.CreateDirectory =>
                [$"mkdir|-|{change.Path}", $"chown|{owner}|{change.Path}", $"chmod|{OctalMode.ForChmod(change.Mode!.Value)}|{change.Path}"],
            LayoutAction.ChangeOwner => [$"chown|{owner}|{change.Path}"],
            _ => [$"chmod|{OctalMode.ForChmod(change.Mode!.Value)}|{change.Path}"],
        };
    }
}
