using System.Collections.Frozen;

namespace Ktrdr.Deploy.Secrets;

/// <summary>
/// Secret values fetched for this run, by name. Immutable and in memory only. Nothing here prints a value:
/// <see cref="ToString"/> lists names; <see cref="Values"/> exists for the log masker alone.
/// </summary>
public sealed class SecretSet
{
    private readonly FrozenDictionary<string, string> values;

    public SecretSet(IEnumerable<KeyValuePair<string, string>> values) =>
        this.values = values.ToFrozenDictionary(StringComparer.Ordinal);

    public static SecretSet Empty { get; } = new([]);

    /// <summary>Secret names, sorted.</summary>
    public IReadOnlyList<string> Names => [.. values.Keys.Order(StringComparer.Ordinal)];

    /// <summary>The values, for registering with the log masker. Never print them.</summary>
    public IReadOnlyCollection<string> Values => values.Values;

    public int Count => values.Count;

    public bool Contains(string name) => values.ContainsKey(name);

    /// <summary>The value of one secret (e.g. <c>Registry.TokenSecret</c> for a login on standard input).</summary>
    public string this[string name] => values.TryGetValue(name, out var value) ? value : throw NotFetched([name]);

    /// <summary>Name → value for the given names, ready for a RemoteCommand's SecretEnvironment.</summary>
    public IReadOnlyDictionary<string, string> For(IEnumerable<string> names)
    {
        var wanted = names.Distinct(StringComparer.Ordinal).ToList();
        var missing = wanted.Where(n => !values.ContainsKey(n)).ToList();
        if (missing.Count > 0)
            throw NotFetched(missing);
        return wanted.ToDictionary(n => n, n => values[n], StringComparer.Ordinal);
    }

    public override string ToString() => $"SecretSet({Count}: {string.Join(", ", Names)})";

    private KeyNotFoundException NotFetched(IEnumerable<string> missing) =>
        new($"secret(s) {string.Join(", ", missing)} were not fetched in this run (fetched: " +
            $"{(Count == 0 ? "none" : string.Join(", ", Names))}); add them to the names passed to SecretStore.FetchAsync");
}
