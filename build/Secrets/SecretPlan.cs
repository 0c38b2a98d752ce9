using Ktrdr.Deploy.Topology;

namespace Ktrdr.Deploy.Secrets;

/// <summary>
/// Which references to read for the requested names: each name once, in the order first asked for;
/// a name the environment does not declare is a failure. Pure.
/// </summary>
public sealed record SecretPlan(IReadOnlyList<SecretReference> References, IReadOnlyList<SecretFailure> Failures)
{
    public const string Undeclared = "not declared";

    public static SecretPlan For(EnvironmentTopology environment, IEnumerable<string> names)
    {
        var references = new List<SecretReference>();
        var failures = new List<SecretFailure>();
        foreach (var name in names.Distinct(StringComparer.Ordinal))
        {
            if (environment.Secrets.TryGetValue(name, out var reference))
                references.Add(reference with { Name = name });
            else
                failures.Add(new SecretFailure(name, Undeclared,
                    $"environment {environment.Name} declares no secret {name} under secrets: in {environment.SourceFile}",
                    $"add \"{name}: op://<vault>/<item>/<field>\" (or env:<VARIABLE> or file:<path>) under secrets:"));
        }
        return new SecretPlan(references, failures);
    }
}
