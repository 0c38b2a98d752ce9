using System.Text.Json;

namespace Ktrdr.Deploy.Rollout.Swarm;

/// <summary>The labels a swarm node lacks or has with another value (pure; from <c>docker node inspect</c>'s <c>{{json .Spec.Labels}}</c>).</summary>
public static class SwarmLabels
{
    public static IReadOnlyDictionary<string, string> Missing(string currentJson, IReadOnlyDictionary<string, string> desired)
    {
        Dictionary<string, string>? current;
        try
        {
            current = JsonSerializer.Deserialize<Dictionary<string, string>>(currentJson.Trim() is { Length: > 0 } t ? t : "null");
        }
        catch (JsonException)
        {
            throw new RolloutException($"the labels docker node inspect printed are not JSON: {currentJson.Trim()}");
        }
        return desired.Where(d => current is null || !current.TryGetValue(d.Key, out var v) || v != d.Value)
            .ToDictionary(d => d.Key, d => d.Value, StringComparer.Ordinal);
    }
}
