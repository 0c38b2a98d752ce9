namespace Ktrdr.Deploy.Topology.AppEnvironment;

/// <summary>
/// Builds a catalogue from the Python sources of a KTRDR checkout: settings variables in source order, then direct
/// reads not already covered (one row per name, every line that reads it), then what the container runtime reads
/// (carried over). Secrets are the INSECURE_DEFAULTS names; their minimum length is carried over (else 1).
/// </summary>
public static class AppEnvCatalogBuilder
{
    public static AppEnvCatalog Build(IEnumerable<(string RelativePath, string Text)> sources, AppEnvCatalog carried, string sourceReference)
    {
        var findings = sources.OrderBy(s => s.RelativePath, StringComparer.Ordinal)
            .Select(s => PythonSettingsSource.Read(s.RelativePath, s.Text)).ToList();
        var insecure = findings.SelectMany(f => f.InsecureNames).ToHashSet(StringComparer.Ordinal);
        var variables = new List<AppVariable>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var v in findings.SelectMany(f => f.Settings).Where(v => names.Add(v.Name)))
            variables.Add(insecure.Contains(v.Name) ? v with { SecretMinLength = carried.Read(v.Name)?.SecretMinLength ?? 1 } : v);
        foreach (var group in findings.SelectMany(f => f.DirectReads).GroupBy(v => v.Name, StringComparer.Ordinal))
        {
            if (names.Contains(group.Key)) continue;
            var first = group.First();
            var lines = group.Select(v => v.Source).Distinct().ToList();
            var source = lines.Skip(1).Aggregate(lines[0], (all, next) => SameFile(all, next) ? all + "," + next[(next.LastIndexOf(':') + 1)..] : all + " " + next);
            variables.Add(first with { Default = group.Select(v => v.Default).FirstOrDefault(d => d.Length > 0) ?? "", Source = source });
            names.Add(group.Key);
        }
        variables.AddRange(carried.Variables.Where(v => v.ReadBy == AppVariable.Runtime && names.Add(v.Name)));
        return new AppEnvCatalog(sourceReference, variables);
    }

    private static bool SameFile(string all, string next)
    {
        var last = all.Split(' ')[^1];
        return last[..last.LastIndexOf(':')] == next[..next.LastIndexOf(':')];
    }
}
