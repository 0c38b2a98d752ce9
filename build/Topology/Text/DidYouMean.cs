using Quickenshtein;

namespace Ktrdr.Deploy.Topology.Text;

/// <summary>Suggests the closest known word for a misspelt one (edit distance).</summary>
public static class DidYouMean
{
    /// <summary>
    /// The closest candidate within a distance that still looks like a typo, or else the only candidate
    /// the text abbreviates ("prod" → "production"); null when nothing is close.
    /// </summary>
    public static string? Closest(string found, IEnumerable<string> candidates)
    {
        var list = candidates.ToList();
        var limit = Math.Max(2, found.Length / 3);
        var abbreviated = found.Length == 0 ? [] : list.Where(c => c.StartsWith(found, StringComparison.OrdinalIgnoreCase)).ToList();
        return list
            .Select(c => (Candidate: c, Distance: Levenshtein.GetDistance(found.ToLowerInvariant(), c.ToLowerInvariant())))
            .Where(x => x.Distance <= limit)
            .OrderBy(x => x.Distance)
            .Select(x => x.Candidate)
            .FirstOrDefault() ?? (abbreviated.Count == 1 ? abbreviated[0] : null);
    }

    /// <summary>"did you mean "x"? " followed by what is valid, e.g. for a hint.</summary>
    public static string Hint(string found, IReadOnlyCollection<string> valid, string validLabel)
    {
        var closest = Closest(found, valid);
        var list = valid.Count == 0 ? "(none)" : string.Join(", ", valid);
        return closest is null ? $"{validLabel}: {list}" : $"did you mean \"{closest}\"? {validLabel}: {list}";
    }
}
