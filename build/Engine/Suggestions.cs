using Quickenshtein;

namespace BuildEngine;

/// <summary>"Did you mean X?" by edit distance over loosely normalised names.</summary>
public static class Suggestions
{
    public static string? DidYouMean(string input, IEnumerable<string> candidates)
    {
        var wanted = NameConvention.Normalize(input);
        var limit = Math.Max(2, wanted.Length / 3);
        return candidates
            .Select(candidate => (Candidate: candidate, Distance: Levenshtein.GetDistance(wanted, NameConvention.Normalize(candidate))))
            .Where(c => c.Distance <= limit)
            .OrderBy(c => c.Distance)
            .Select(c => c.Candidate)
            .FirstOrDefault();
    }

    /// <summary>
    /// <c>Unknown target "Deplyo". Did you mean "Deploy"?</c> followed by <c>Valid targets: ...</c>.
    /// </summary>
    public static string Unknown(string kind, string input, IReadOnlyCollection<string> candidates)
    {
        var suggestion = DidYouMean(input, candidates);
        var hint = suggestion is null ? "" : $" Did you mean \"{suggestion}\"?";
        var valid = candidates.Count == 0 ? "(none)" : string.Join(", ", candidates);
        return $"Unknown {kind} \"{input}\".{hint}{Environment.NewLine}Valid {kind}s: {valid}";
    }
}
