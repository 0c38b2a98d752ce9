using System.Text;

namespace BuildEngine;

/// <summary>How a member name appears on the command line, in the environment, and when compared loosely.</summary>
public static class NameConvention
{
    /// <summary><c>TargetNode</c> → <c>target-node</c>; <c>GhcrToken</c>/<c>GHCRToken</c> → <c>ghcr-token</c>.</summary>
    public static string ToKebab(string name)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (c == '_')
            {
                builder.Append('-');
                continue;
            }

            if (char.IsUpper(c) && i > 0 && StartsWord(name, i))
                builder.Append('-');
            builder.Append(char.ToLowerInvariant(c));
        }

        return builder.ToString().Replace("--", "-");
    }

    /// <summary><c>TargetNode</c> → <c>TARGET_NODE</c>.</summary>
    public static string ToEnvironment(string name) => ToKebab(name).Replace('-', '_').ToUpperInvariant();

    /// <summary>Lower case without separators, so <c>deploy-workers</c>, <c>DeployWorkers</c> and <c>DEPLOY_WORKERS</c> compare equal.</summary>
    public static string Normalize(string name) =>
        new(name.Where(c => c is not ('-' or '_')).Select(char.ToLowerInvariant).ToArray());

    /// <summary>Whether two names are the same once normalised (see <see cref="Normalize"/>).</summary>
    public static bool Matches(string a, string b) => Normalize(a) == Normalize(b);

    private static bool StartsWord(string name, int i)
    {
        var previous = name[i - 1];
        if (char.IsLower(previous) || char.IsDigit(previous))
            return true;
        return char.IsUpper(previous) && i + 1 < name.Length && char.IsLower(name[i + 1]);
    }
}
