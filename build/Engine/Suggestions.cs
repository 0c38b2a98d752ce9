namespace BuildEngine;

/// <summary>"Did you mean X?" by edit distance over loosely normalised names.</summary>
public static class Suggestions
{
    public static string? DidYouMean(string input, IEnumerable<string> candidates)
    {
        var wanted = NameConvention.Normalize(input);
        var limit = Math.Max(2, wanted.Length / 3);
        return candidates
            .Select(candidate => (Candidate: candidate, Distance: Distance(wanted, NameConvention.Normalize(candidate))))
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

    /// <summary>Levenshtein distance.</summary>
    public static int Distance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j], current[j - 1]) + 1);
            }

            previous = current;
        }

        return previous[b.Length];
    }
}
