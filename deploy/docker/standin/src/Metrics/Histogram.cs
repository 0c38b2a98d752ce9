namespace Standin.Metrics;

/// <summary>A Prometheus histogram family: one set of cumulative buckets per label set, thread-safe.</summary>
public sealed class Histogram(string name, string help, IReadOnlyList<double> upperBounds)
{
    private readonly Dictionary<string, Series> series = new(StringComparer.Ordinal);
    private readonly Lock gate = new();

    public string Name => name;

    /// <summary>Makes a label set visible (all zero) before anything is observed, so dashboards find the name.</summary>
    public void Touch(IReadOnlyList<KeyValuePair<string, string>> labels)
    {
        lock (gate)
        {
            SeriesFor(labels);
        }
    }

    public void Observe(double value, IReadOnlyList<KeyValuePair<string, string>> labels)
    {
        lock (gate)
        {
            var target = SeriesFor(labels);
            for (var i = 0; i < upperBounds.Count; i++)
            {
                if (value <= upperBounds[i])
                {
                    target.BucketCounts[i]++;
                }
            }
            target.Count++;
            target.Sum += value;
        }
    }

    public void WriteTo(PrometheusTextWriter writer)
    {
        writer.Family(name, "histogram", help);
        lock (gate)
        {
            foreach (var s in series.Values)
            {
                for (var i = 0; i < upperBounds.Count; i++)
                {
                    writer.Sample($"{name}_bucket", s.BucketCounts[i], WithLe(s.Labels, PrometheusTextWriter.FormatValue(upperBounds[i])));
                }
                writer.Sample($"{name}_bucket", s.Count, WithLe(s.Labels, "+Inf"));
                writer.Sample($"{name}_sum", s.Sum, s.Labels);
                writer.Sample($"{name}_count", s.Count, s.Labels);
            }
        }
    }

    private Series SeriesFor(IReadOnlyList<KeyValuePair<string, string>> labels)
    {
        var key = string.Join('\u0001', labels.Select(l => $"{l.Key}={l.Value}"));
        if (!series.TryGetValue(key, out var found))
        {
            found = new Series(labels, new long[upperBounds.Count]);
            series[key] = found;
        }
        return found;
    }

    private static List<KeyValuePair<string, string>> WithLe(IReadOnlyList<KeyValuePair<string, string>> labels, string le) =>
        [.. labels, KeyValuePair.Create("le", le)];

    private sealed class Series(IReadOnlyList<KeyValuePair<string, string>> labels, long[] bucketCounts)
    {
        public IReadOnlyList<KeyValuePair<string, string>> Labels { get; } = labels;
        public long[] BucketCounts { get; } = bucketCounts;
        public long Count { get; set; }
        public double Sum { get; set; }
    }
}
