using System.Text.RegularExpressions;

namespace Ktrdr.Deploy.Topology.Reading;

/// <summary>Where a secret comes from, as parsed from its reference (the name is added by the caller).</summary>
internal readonly record struct SecretSource(SecretProvider Provider, string Locator);

/// <summary>
/// Reads a secret reference: <c>op://vault/item/field</c>, <c>env:NAME</c> or <c>file:path</c>.
/// A value that is none of these may be a secret pasted by mistake, so it is never echoed in messages.
/// </summary>
internal sealed partial class SecretReferenceRule()
    : ValueRule<SecretSource>(Forms, "", Parse, new SecretSource(SecretProvider.Environment, ""))
{
    public static readonly SecretReferenceRule Instance = new();

    private const string Forms = "a reference op://vault/item/field, env:NAME or file:relative/path";
    private const string FormsHint =
        "write one of: op://<vault>/<item>/<field> (1Password), env:<VARIABLE> (read from the environment), " +
        "file:<path relative to the repository root>";

    public override string Describe(string text) => KnownScheme(text) switch
    {
        "op://" => $"\"{text}\" (an op:// reference has exactly 3 non-empty parts: vault/item/field)",
        "env:" => $"\"{text}\" (env: is followed by a variable name such as DB_PASSWORD)",
        "file:" => $"\"{text}\" (file: is followed by a path)",
        _ when SchemePattern().IsMatch(text) => "a value with an unknown prefix (not shown: it may be a secret)",
        _ => "a plain value (not shown: it may be a secret); secrets hold references, never values",
    };

    public override string HintFor(string text) =>
        KnownScheme(text) is null && !SchemePattern().IsMatch(text)
            ? $"move the value into 1Password, an environment variable or a file, and {Lower(FormsHint)}"
            : FormsHint;

    private static bool Parse(string text, out SecretSource source)
    {
        source = default;
        if (text.StartsWith("op://", StringComparison.Ordinal))
        {
            var parts = text["op://".Length..].Split('/');
            source = new SecretSource(SecretProvider.OnePassword, text);
            return parts.Length == 3 && parts.All(p => p.Trim().Length > 0);
        }
        if (text.StartsWith("env:", StringComparison.Ordinal))
        {
            source = new SecretSource(SecretProvider.Environment, text["env:".Length..]);
            return VariablePattern().IsMatch(source.Locator);
        }
        if (text.StartsWith("file:", StringComparison.Ordinal))
        {
            source = new SecretSource(SecretProvider.File, text["file:".Length..]);
            return source.Locator.Trim().Length > 0;
        }
        return false;
    }

    private static string? KnownScheme(string text) =>
        new[] { "op://", "env:", "file:" }.FirstOrDefault(s => text.StartsWith(s, StringComparison.Ordinal));

    private static string Lower(string text) => char.ToLowerInvariant(text[0]) + text[1..];

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")] private static partial Regex VariablePattern();
    [GeneratedRegex("^[a-z][a-z0-9+.-]*:")] private static partial Regex SchemePattern();
}
