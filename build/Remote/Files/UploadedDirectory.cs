namespace Ktrdr.Deploy.Remote.Files;

/// <summary>
/// A directory replaced by <see cref="ICommandExecutor.UploadDirectoryAsync"/> keeps its previous content next to it:
/// <c>&lt;dir&gt;.previous</c>. The one place that names it (uploads, rollbacks, clean-ups).
/// </summary>
public static class UploadedDirectory
{
    public static string Previous(string directory) => directory.TrimEnd('/') + ".previous";
}
