namespace Standin.Metrics;

/// <summary>Builds an ordered label set: <c>Labels.Of(("worker_type", "training"))</c>.</summary>
public static class Labels
{
    public static IReadOnlyList<KeyValuePair<string, string>> Of(params (string Name, string Value)[] pairs) =>
        pairs.Select(p => KeyValuePair.Create(p.Name, p.Value)).ToList();
}
