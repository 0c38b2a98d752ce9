namespace Ktrdr.Deploy.Commands.Layout;

public enum PathKind { Missing, Directory, File, Other }

/// <summary>One path of the shared tree as <c>stat</c> saw it. <see cref="Mode"/> holds the permission bits (0o2775 for "2775").</summary>
public sealed record PathState(string Path, PathKind Kind, int Uid, int Gid, int Mode);

/// <summary>What <see cref="SharedLayoutCommands.Inspect"/> found: the shared path, its subdirectories and everything below them.</summary>
public sealed record LayoutInspection(IReadOnlyList<PathState> Entries)
{
    public PathState? Find(string path) => Entries.FirstOrDefault(entry => entry.Path == path);
}

public enum LayoutAction { CreateDirectory, ChangeOwner, ChangeMode }

/// <summary>
/// One change to the shared tree. Creating a directory includes giving it the shared owner and <see cref="Mode"/>;
/// a mode change sets <see cref="Mode"/>; an owner change sets the shared owner (Mode is null).
/// </summary>
public sealed record LayoutChange(LayoutAction Action, string Path, int? Mode, string Description);

/// <summary>
/// The changes that bring the tree to the topology's layout, in the order to apply them, and the problems no change
/// can fix (they stop the target). No changes and no problems means the tree is already right.
/// </summary>
public sealed record LayoutPlan(IReadOnlyList<LayoutChange> Changes, IReadOnlyList<string> Problems)
{
    public bool IsUnchanged => Changes.Count == 0 && Problems.Count == 0;
}

/// <summary>
/// Whether the containers' user could write, read back and remove a file in each subdirectory, and whether the file
/// got the shared group. <see cref="Proven"/> lists the directories that passed.
/// </summary>
public sealed record ProofResult(IReadOnlyList<string> Proven, IReadOnlyList<string> Failures)
{
    public bool Passed => Failures.Count == 0;
}
