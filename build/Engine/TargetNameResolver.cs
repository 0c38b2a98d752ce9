namespace BuildEngine;

/// <summary>Finds targets by the names a person typed: case-insensitive, kebab-case accepted (<c>deploy-workers</c>).</summary>
public sealed class TargetNameResolver(IReadOnlyList<ExecutableTarget> targets)
{
    public IReadOnlyList<ExecutableTarget> Resolve(IEnumerable<string> names)
    {
        var found = new List<ExecutableTarget>();
        var errors = new List<string>();
        foreach (var name in names)
        {
            var target = targets.FirstOrDefault(t => NameConvention.Matches(t.Name, name));
            if (target is null)
                errors.Add(Suggestions.Unknown("target", name, targets.Where(t => !t.Unlisted).Select(t => t.Name).ToList()));
            else if (!found.Contains(target))
                found.Add(target);
        }

        return errors.Count == 0 ? found : throw new UsageException(string.Join(Environment.NewLine, errors));
    }
}
