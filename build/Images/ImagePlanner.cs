using System.Text.RegularExpressions;
using Ktrdr.Deploy.Topology;

namespace Ktrdr.Deploy.Images;

/// <summary>
/// Decides, from the topology alone, which images we build and from what: every image with <c>build: true</c>, its
/// Dockerfile relative to the deploy root. A folder holding a .NET project under <c>src/</c> is published first; the
/// application image (<c>ktrdr</c>) is otherwise built from a KTRDR checkout; any other image from its own folder.
/// </summary>
public static partial class ImagePlanner
{
    public const string ApplicationKey = "ktrdr";

    /// <summary>The entrypoint every image we build runs first (docs/swarm.md, the entrypoint contract), under the deploy root.</summary>
    public const string SecretsEntrypoint = "docker/" + ImageRecipe.SecretsEntrypointName;

    public static IReadOnlyList<ImageRecipe> Plan(EnvironmentTopology env, string deployRoot, string? ktrdrRoot)
    {
        var recipes = new List<ImageRecipe>();
        var problems = new List<Diagnostic>();
        var entrypoint = Path.GetFullPath(Path.Combine(deployRoot, SecretsEntrypoint));
        foreach (var (key, image) in env.Images.Where(pair => pair.Value.Build))
        {
            var field = $"images.{key}.dockerfile";
            var position = env.SourceMap.Find(field);
            Diagnostic Problem(string message, string hint) => new(env.SourceFile, position.Line, position.Column, field, message, hint);

            var dockerfile = Path.GetFullPath(Path.Combine(deployRoot, image.Dockerfile ?? ""));
            if (image.Dockerfile is null || !File.Exists(dockerfile))
            {
                problems.Add(Problem($"expected a Dockerfile under {deployRoot}, found no file {dockerfile}",
                    "write the path relative to the deploy tree, e.g. docker/Dockerfile"));
                continue;
            }

            var folder = Path.GetDirectoryName(dockerfile)!;
            var project = Directory.Exists(Path.Combine(folder, "src"))
                ? Directory.EnumerateFiles(Path.Combine(folder, "src"), "*.csproj").Order(StringComparer.Ordinal).FirstOrDefault()
                : null;
            if (project is not null)
                recipes.Add(new ImageRecipe(key, image.Repository, dockerfile, Path.GetDirectoryName(project)!, ContextKind.DotnetPublish, entrypoint));
            else if (key == ApplicationKey)
            {
                if (CheckoutProblem(ktrdrRoot) is { } problem)
                    problems.Add(Problem(problem, "pass --ktrdr-root <path of a KTRDR checkout> (CI: the checked-out ktrdr repository)"));
                else
                    recipes.Add(new ImageRecipe(key, image.Repository, dockerfile, Path.GetFullPath(ktrdrRoot!), ContextKind.Checkout, entrypoint));
            }
            else
                recipes.Add(new ImageRecipe(key, image.Repository, dockerfile, folder, ContextKind.Folder, entrypoint));
        }
        if (recipes.Count > 0 && !File.Exists(entrypoint))
        {
            var at = env.SourceMap.Find("images");
            problems.Add(new Diagnostic(env.SourceFile, at.Line, at.Column, "images",
                $"every image we build carries the secrets entrypoint, and {entrypoint} does not exist",
                $"restore {SecretsEntrypoint} in the deploy tree (git checkout -- deploy/{SecretsEntrypoint})"));
        }
        return problems.Count > 0 ? throw new InvalidInputException(problems) : recipes;
    }

    /// <summary>
    /// The version the sources declare: <c>&lt;Version&gt;</c> of the .NET project, <c>version = "..."</c> of a KTRDR
    /// checkout's pyproject.toml; null for a plain folder or when none is written.
    /// </summary>
    public static string? SourceVersion(ImageRecipe recipe) => recipe.Kind switch
    {
        ContextKind.DotnetPublish => FirstMatch(Directory.EnumerateFiles(recipe.Source, "*.csproj").Order(StringComparer.Ordinal).FirstOrDefault(), CsprojVersion()),
        ContextKind.Checkout => FirstMatch(Path.Combine(recipe.Source, "pyproject.toml"), PyprojectVersion()),
        _ => null,
    };

    /// <summary>The tags an image gets: the deploy tag, and the version when there is one.</summary>
    public static IReadOnlyList<string> Tags(BuildSettings settings) =>
        settings.Version is { Length: > 0 } version && version != settings.Tag ? [settings.Tag, version] : [settings.Tag];

    private static string? CheckoutProblem(string? root) => root switch
    {
        null or "" => "the application image is built from a KTRDR checkout, and none was given",
        _ when !Directory.Exists(root) => $"--ktrdr-root {root} does not exist",
        _ when !File.Exists(Path.Combine(root, "pyproject.toml")) => $"--ktrdr-root {root} is not a KTRDR checkout: it has no pyproject.toml",
        _ => null,
    };

    private static string? FirstMatch(string? file, Regex pattern) =>
        file is not null && File.Exists(file) && pattern.Match(File.ReadAllText(file)) is { Success: true } match ? match.Groups[1].Value : null;

    [GeneratedRegex(@"<Version>\s*([^<\s]+)\s*</Version>")]
    private static partial Regex CsprojVersion();

    [GeneratedRegex(@"(?m)^version\s*=\s*""([^""]+)""")]
    private static partial Regex PyprojectVersion();
}
