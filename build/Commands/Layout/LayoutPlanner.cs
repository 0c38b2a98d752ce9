using Ktrdr.Deploy.Topology;

namespace Ktrdr.Deploy.Commands.Layout;

/// <summary>Compares an inspection with the topology's storage section: what to create, chown and chmod.</summary>
internal static class LayoutPlanner
{
    public static LayoutPlan Plan(SharedStorage storage, LayoutInspection inspection)
    {
        var root = inspection.Find(storage.Path);
        if (root?.Kind != PathKind.Directory)
            return new LayoutPlan([], [root is null || root.Kind == PathKind.Missing
                ? $"the shared path {storage.Path} does not exist: mount the shared tree (NFS) there first; " +
                  "the deploy never creates it, so that data cannot land on the node's own disk"
                : $"the shared path {storage.Path} is not a directory: mount the shared tree (NFS) there"]);

        var changes = new List<LayoutChange>();
        var problems = new List<string>();
        foreach (var path in SharedLayoutCommands.Subdirectories(storage))
        {
            var entry = inspection.Find(path);
            if (entry is null || entry.Kind == PathKind.Missing)
                changes.Add(new LayoutChange(LayoutAction.CreateDirectory, path, storage.DirectoryMode,
                    $"create {path} (owner {Owner(storage)}, mode {OctalMode.Text(storage.DirectoryMode)})"));
            else if (entry.Kind != PathKind.Directory)
                problems.Add($"{path} should be a directory but is not: move it away, then run SyncNfsLayout again");
        }

        foreach (var entry in inspection.Entries.Where(e => e.Kind is PathKind.Directory or PathKind.File && Inside(storage, e.Path)))
            changes.AddRange(Corrections(storage, entry));
        return new LayoutPlan(changes, problems);
    }

    private static IEnumerable<LayoutChange> Corrections(SharedStorage storage, PathState entry)
    {
        var kind = entry.Kind == PathKind.Directory ? "directory" : "file";
        if (entry.Uid != storage.Uid || entry.Gid != storage.Gid)
            yield return new LayoutChange(LayoutAction.ChangeOwner, entry.Path, null,
                $"chown {kind} {entry.Path} from {entry.Uid}:{entry.Gid} to {Owner(storage)}");

        var mode = entry.Kind == PathKind.Directory ? storage.DirectoryMode : storage.FileMode;
        if (entry.Mode != mode)
            yield return new LayoutChange(LayoutAction.ChangeMode, entry.Path, mode,
                $"chmod {kind} {entry.Path} from {OctalMode.Text(entry.Mode)} to {OctalMode.Text(mode)}");
    }

    public static bool Inside(SharedStorage storage, string path) =>
        path == storage.Path || path.StartsWith(storage.Path.TrimEnd('/') + "/", StringComparison.Ordinal);

    public static string Owner(SharedStorage storage) => $"{storage.Uid}:{storage.Gid}";
}
