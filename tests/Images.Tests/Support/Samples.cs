using TestSupport;

namespace Ktrdr.Deploy.Images.Tests.Support;

/// <summary>Settings, recipes and paths the tests share.</summary>
internal static class Samples
{
    public const string Commit = "1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d";
    public const string SourceUrl = "https://github.com/kpiteira/ktrdr";

    public static string DeployRoot => Path.Combine(RepoFiles.Root, "deploy");

    public static BuildSettings Settings(string tag = "sha-1a2b3c4", string? version = "1.0.0", BaseImageRef? baseImage = null) =>
        new(tag, version, Commit, SourceUrl, baseImage);

    public static BaseImageRef Base { get; } = new("ktrdr-lab/base:bookworm", "sha256:" + new string('b', 64));

    /// <summary>A recipe whose context is the folder holding <paramref name="dockerfile"/>.</summary>
    public static ImageRecipe FolderRecipe(string dockerfile, string repository = "ktrdr-lab/postgres") =>
        new("db", repository, dockerfile, Path.GetDirectoryName(dockerfile)!, ContextKind.Folder);
}
