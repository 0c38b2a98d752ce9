using System.Text.RegularExpressions;

namespace Ktrdr.Deploy.Images;

/// <summary>Docker arguments and labels for an image, as data: what BuildImages and PushGhcr run, and what tests check.</summary>
public static partial class ImageCommands
{
    public const string Revision = "org.opencontainers.image.revision";
    public const string Source = "org.opencontainers.image.source";
    public const string Version = "org.opencontainers.image.version";

    /// <summary>The OCI labels: revision (full commit), source (repository URL), version (the version, else the tag).</summary>
    public static IReadOnlyDictionary<string, string> Labels(BuildSettings settings) => new Dictionary<string, string>
    {
        [Revision] = settings.Revision,
        [Source] = settings.SourceUrl,
        [Version] = settings.Version ?? settings.Tag,
    };

    /// <summary>
    /// Build arguments: REVISION, VERSION, SOURCE (our Dockerfiles declare them), and BASE_IMAGE when the Dockerfile
    /// starts FROM the lab's base (<c>ARG BASE_IMAGE</c>).
    /// </summary>
    public static IReadOnlyDictionary<string, string> Arguments(BuildSettings settings, bool wantsBaseImage)
    {
        var arguments = new Dictionary<string, string> { ["REVISION"] = settings.Revision, ["SOURCE"] = settings.SourceUrl };
        if (settings.Version is { Length: > 0 } version) arguments["VERSION"] = version;   // else the Dockerfile's default stands
        if (wantsBaseImage)
        {
            var baseImage = settings.BaseImage ?? throw new ImageException(
                "this Dockerfile starts FROM the lab's base image (ARG BASE_IMAGE), which only the lab has: run ./build.sh LabUp first");
            arguments["BASE_IMAGE"] = baseImage.Reference;
            arguments["BASE_IMAGE_ID"] = baseImage.Id;   // not used by the Dockerfile: makes a new base a new input
        }
        return arguments;
    }

    /// <summary><c>docker build</c> with every tag, label (the inputs hash included) and argument.</summary>
    /// <remarks>
    /// Only the arguments the Dockerfile declares are passed (others would only draw a warning). A checkout's build gets
    /// our files as the named context <see cref="ImageRecipe.DeployContext"/>, which only BuildKit knows: it runs as
    /// <c>docker buildx build</c> (the default builder since Docker 23 and on GitHub's runners; its image lands in the
    /// daemon's store). Staged contexts build with the classic builder, which the lab's Debian dockerd 20.10 has.
    /// </remarks>
    public static IReadOnlyList<string> Build(ImageRecipe recipe, string context, IReadOnlyList<string> tags,
        IReadOnlyDictionary<string, string> labels, IReadOnlyDictionary<string, string> arguments, string inputsHash, string dockerfileText)
    {
        var declared = DeclaredArguments(dockerfileText);
        var checkout = recipe.Kind == ContextKind.Checkout;
        List<string> args = checkout ? ["buildx", "build", "--file", recipe.Dockerfile] : ["build", "--file", recipe.Dockerfile];
        foreach (var tag in tags) args.AddRange(["--tag", recipe.Local(tag)]);
        foreach (var (name, value) in labels.OrderBy(p => p.Key, StringComparer.Ordinal)) args.AddRange(["--label", $"{name}={value}"]);
        args.AddRange(["--label", $"{InputsHash.Label}={inputsHash}"]);
        foreach (var (name, value) in arguments.Where(a => declared.Contains(a.Key)).OrderBy(p => p.Key, StringComparer.Ordinal))
            args.AddRange(["--build-arg", $"{name}={value}"]);
        if (checkout && recipe.SecretsEntrypoint is { } entrypoint)
            args.AddRange(["--build-context", $"{ImageRecipe.DeployContext}={Path.GetDirectoryName(entrypoint)}"]);
        args.Add(context);
        return args;
    }

    /// <summary>A local-only tag naming an image by its inputs (<c>inputs-&lt;12 hex&gt;</c>), so the same inputs under a new tag are a retag, not a build.</summary>
    public static string InputsTag(string inputsHash) => $"inputs-{inputsHash[..12]}";

    /// <summary>The label holding the inputs hash of a local image (empty output when it has none).</summary>
    public static IReadOnlyList<string> InspectInputs(string reference) =>
        ["image", "inspect", "--format", $"{{{{ index .Config.Labels \"{InputsHash.Label}\" }}}}|{{{{.Id}}}}|{{{{.Size}}}}", reference];

    /// <summary>True when the Dockerfile declares <c>ARG BASE_IMAGE</c>.</summary>
    public static bool WantsBaseImage(string dockerfileText) => DeclaredArguments(dockerfileText).Contains("BASE_IMAGE");

    /// <summary>The names of the Dockerfile's <c>ARG</c> instructions (<c>ARG NAME</c> or <c>ARG NAME=default</c>).</summary>
    public static IReadOnlySet<string> DeclaredArguments(string dockerfileText) =>
        ArgInstruction().Matches(dockerfileText)
            .SelectMany(m => m.Groups[1].Value.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries))
            .Select(token => token.Split('=')[0])
            .ToHashSet(StringComparer.Ordinal);

    [GeneratedRegex(@"(?im)^[ \t]*ARG[ \t]+([^\r\n]+)")]
    private static partial Regex ArgInstruction();

    /// <summary>Where an image is pushed: <c>&lt;registry url&gt;/&lt;repository&gt;:&lt;tag&gt;</c>.</summary>
    public static string Remote(string registryUrl, ImageRecipe recipe, string tag) => $"{registryUrl.TrimEnd('/')}/{recipe.Repository}:{tag}";

    /// <summary>The digest <c>docker push</c> printed last (<c>... digest: sha256:... size: N</c>), or null.</summary>
    public static string? PushedDigest(string output) =>
        output.Split('\n').Select(l => l.Trim()).Reverse()
            .Select(l => l.IndexOf("digest: sha256:", StringComparison.Ordinal) is var i and >= 0 ? l[(i + 8)..].Split(' ')[0] : null)
            .FirstOrDefault(d => d is not null);
}
