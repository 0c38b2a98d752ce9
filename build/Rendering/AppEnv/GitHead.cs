namespace Ktrdr.Deploy.Rendering.AppEnv;

/// <summary>The commit a checkout is at, read from its .git folder (no git process).</summary>
internal static class GitHead
{
    public static string ShortSha(string root)
    {
        var git = Path.Combine(root, ".git");
        var head = Path.Combine(git, "HEAD");
        if (!File.Exists(head)) return "(unknown: no .git/HEAD)";
        var text = File.ReadAllText(head).Trim();
        if (!text.StartsWith("ref: ", StringComparison.Ordinal)) return text[..Math.Min(8, text.Length)];
        var reference = text[5..];
        var loose = Path.Combine(git, reference);
        if (File.Exists(loose)) return File.ReadAllText(loose).Trim()[..8];
        var packed = Path.Combine(git, "packed-refs");
        var line = File.Exists(packed) ? File.ReadLines(packed).FirstOrDefault(l => l.EndsWith(" " + reference, StringComparison.Ordinal)) : null;
        return line is null ? $"(unknown: {reference} not found)" : line[..8];
    }
}
