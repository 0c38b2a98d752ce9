using Ktrdr.Deploy.Topology;

namespace Ktrdr.Deploy.Secrets;

/// <summary>
/// Which references to read for the requested names: each name once, in the order first asked for;
/// a name the environment does not declare is a failure. A run can override a declared reference with the
/// environment variable <c>KTRDR_SECRET_&lt;NAME&gt;</c> (CI hands GHCR_TOKEN over from the workflow token that way).
/// Pure: the variables are given.
/// </summary>
public sealed record SecretPlan(IReadOnlyList<SecretReference> References, IReadOnlyList<SecretFailure> Failures)
{
    public const string Undeclared = "not declared";

    public const string OverridePrefix = "KTRDR_SECRET_";

    public static SecretPlan For(EnvironmentTopology environment, IEnumerable<string> names, Func<string, string?>? variables = null)
    {
        var references = new List<SecretReference>();
        var failures = new List<SecretFailure>();
        foreach (var name in names.Distinct(StringComparer.Ordinal))
        {
            if (environment.Secrets.ContainsKey(name) && variables?.Invoke(OverridePrefix + name) is not null)
                references.Add(new SecretReference(name, SecretProvider.Environment, OverridePrefix + name));
            else if (environment.Secrets.TryGetValue(name, out var reference))
                references.Add(reference with { Name = name });
            else
                failures.Add(new SecretFailure(name, Undeclared,
                    $"environment {environment.Name} declares no secret {name} under secrets: in {environment.SourceFile}",
                    $"add \"{name}: op://<vault>/<item>/<field>\" (or env:<VARIABLE> or file:<path>) under secrets:"));
        }
        return new SecretPlan(references, failures);
    }
}
