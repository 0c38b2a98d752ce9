namespace Ktrdr.Deploy.Verification.Evaluation;

/// <summary>
/// The metric names of a Prometheus text exposition (the body of a GET /metrics): every line that is not blank and
/// does not start with '#' is a sample, its metric name runs up to '{' or a space. Histograms appear under the names
/// PromQL uses (x_bucket, x_count, x_sum).
/// </summary>
internal sealed record Exposition(IReadOnlySet<string> Names)
{
    /// <summary>The names in the body; throws <see cref="FormatException"/> naming the first line that is not a sample.</summary>
    public static Exposition Parse(string body)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var lines = body.ReplaceLineEndings("\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0 || line[0] == '#') continue;
            var end = line.IndexOfAny(['{', ' ', '\t']);
            var name = end < 0 ? line : line[..end];
            if (end < 0 || !IsMetricName(name))
                throw new FormatException($"line {i + 1}: expected a sample (metric name, labels, value), found \"{Http.HttpAnswer.Snippet(line)}\"");
            names.Add(name);
        }
        if (names.Count == 0) throw new FormatException("no sample at all (an empty exposition)");
        return new Exposition(names);
    }

    /// <summary>[a-zA-Z_:][a-zA-Z0-9_:]*, as the exposition format defines it.</summary>
    private static bool IsMetricName(string name) =>
        name.Length > 0 && !char.IsAsciiDigit(name[0]) && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or ':');
}
