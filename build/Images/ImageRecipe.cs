namespace Ktrdr.Deploy.Images;

/// <summary>How an image's build context is made.</summary>
public enum ContextKind
{
    /// <summary>The Dockerfile's own folder is the context (the lab's PostgreSQL and Prometheus).</summary>
    Folder,

    /// <summary>A .NET project under <c>src/</c> is published self-contained into <c>app/</c> beside the folder's files (the stand-in).</summary>
    DotnetPublish,

    /// <summary>A KTRDR checkout (<c>--ktrdr-root</c>) is the context; the Dockerfile is ours (homelab, CI).</summary>
    Checkout,
}

/// <summary>
/// One image we build: its logical key, repository (relative to the registry), Dockerfile and sources, and the secrets
/// entrypoint every image we build carries (<see cref="SecretsEntrypoint"/>; null only in tests of other parts).
/// </summary>
public sealed record ImageRecipe(string Key, string Repository, string Dockerfile, string Source, ContextKind Kind, string? SecretsEntrypoint = null)
{
    /// <summary>
    /// The name the secrets entrypoint has in a build context: a file at the context's root for a staged context
    /// (<c>COPY ktrdr-secrets-env ...</c>), a file in the named context <see cref="DeployContext"/> for a checkout
    /// (<c>COPY --from=ktrdr-deploy ktrdr-secrets-env ...</c>, BuildKit).
    /// </summary>
    public const string SecretsEntrypointName = "ktrdr-secrets-env";

    /// <summary>The named build context (BuildKit) that brings our files into a build whose context is a KTRDR checkout.</summary>
    public const string DeployContext = "ktrdr-deploy";

    /// <summary>The repository on the build machine's daemon: <c>ktrdr/&lt;repository&gt;</c>, independent of any registry.</summary>
    public string LocalName => $"ktrdr/{Repository}";

    public string Local(string tag) => $"{LocalName}:{tag}";

    /// <summary>The Dockerfile's folder.</summary>
    public string Folder => Path.GetDirectoryName(Dockerfile)!;
}

/// <summary>What every image of one run is built with: tags, labels' values and the lab's base image.</summary>
public sealed record BuildSettings(string Tag, string? Version, string Revision, string SourceUrl, BaseImageRef? BaseImage);

/// <summary>The image a lab Dockerfile starts FROM (<c>ARG BASE_IMAGE</c>), and its id (part of every input hash).</summary>
public sealed record BaseImageRef(string Reference, string Id);

/// <summary>Raised for a problem a person must fix (missing checkout, Dockerfile, docker failure); the message says what to do.</summary>
public sealed class ImageException(string message, Exception? inner = null) : Exception(message, inner);
