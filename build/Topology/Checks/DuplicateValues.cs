using Ktrdr.Deploy.Topology.Reading;

namespace Ktrdr.Deploy.Topology.Checks;

/// <summary>Reports every field whose value was already used by an earlier field (hosts, deploy dirs, env names).</summary>
internal static class DuplicateValues
{
    /// <param name="fields">(field path, owner shown in the message, value) in file order.</param>
    /// <param name="what">What the value is, e.g. "host".</param>
    /// <param name="hint">What to do about it.</param>
    public static void Report(ReadContext context, IEnumerable<(string Field, string Owner, string Value)> fields, string what, string hint)
    {
        var firstOwner = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (field, owner, value) in fields.Where(f => !context.Failed(f.Field)))
        {
            if (!firstOwner.TryAdd(value, owner))
                context.Report(field, $"expected a {what} used only once, found \"{value}\" which \"{firstOwner[value]}\" already uses", hint);
        }
    }
}
