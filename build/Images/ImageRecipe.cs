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

/// <summary>One image we build: its logical key, repository (relative to the registry), Dockerfile and sources.</summary>
public sealed record ImageRecipe(string Key, string Repository, string Dockerfile, string Source, ContextKind Kind)
{
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
