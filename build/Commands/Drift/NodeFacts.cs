using Ktrdr.Deploy.Commands.Compose;

namespace Ktrdr.Deploy.Commands.Drift;

/// <summary>One container of the project with the image it really runs: its image id and that image's registry digests.</summary>
public sealed record RunningContainer(ContainerStatus Status, string ImageId, IReadOnlyList<string> RepoDigests);

/// <summary>
/// What a node really holds, read in one round trip by <see cref="NodeFactsCommand"/>: the files of its deploy
/// directory (path → sha256), the text of the expected files whose content differs (for a diff), its stamp and
/// manifest as written there, the config hash compose computes for each service from the files on the node, and the
/// project's containers. Containers of other compose projects are never listed.
/// </summary>
public sealed record NodeFacts(
    bool DeployDirectoryExists,
    IReadOnlyDictionary<string, string> Files,
    IReadOnlyDictionary<string, string> ChangedTexts,
    string? Stamp,
    string? Manifest,
    IReadOnlyDictionary<string, string>? ConfigHashes,
    IReadOnlyList<RunningContainer> Containers)
{
    /// <summary>The project's containers as the deploy's state and Status know them.</summary>
    public IReadOnlyList<ContainerStatus> Statuses => [.. Containers.Select(c => c.Status)];
}
