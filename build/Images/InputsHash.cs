using BuildEngine;

namespace Ktrdr.Deploy.Images;

/// <summary>
/// The SHA-256 of everything an image is built from: the files of its context (relative path and bytes, in a fixed
/// order, without build output, caches or VCS data), its Dockerfile, its build arguments and labels. Equal hashes mean
/// an identical build, so an image carrying the hash in its <see cref="Label"/> is up to date.
/// </summary>
public static class InputsHash
{
    public const string Label = "org.ktrdr.inputs";

    public static string Compute(ImageRecipe recipe, IReadOnlyDictionary<string, string> arguments, IReadOnlyDictionary<string, string> labels)
    {
        using var hash = new ContentHash();
        hash.Line($"kind {recipe.Kind}");
        foreach (var (name, value) in arguments.OrderBy(p => p.Key, StringComparer.Ordinal)) hash.Line($"arg {name}={value}");
        foreach (var (name, value) in labels.OrderBy(p => p.Key, StringComparer.Ordinal)) hash.Line($"label {name}={value}");
        hash.File("Dockerfile", recipe.Dockerfile);
        if (recipe.SecretsEntrypoint is { } entrypoint) hash.File(ImageRecipe.SecretsEntrypointName, entrypoint);
        return hash.Folder(recipe.Kind == ContextKind.Checkout ? recipe.Source : recipe.Folder).Hex();
    }

    /// <inheritdoc cref="ContentHash.Files"/>
    public static IReadOnlyList<string> Files(string root) => ContentHash.Files(root);
}
