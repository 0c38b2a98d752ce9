using Ktrdr.Deploy.Secrets.OnePassword;
using Ktrdr.Deploy.Secrets.Providers;
using Ktrdr.Deploy.Topology;

namespace Ktrdr.Deploy.Secrets;

/// <summary>
/// Fetches the secrets a run needs, once: every name is read at most once for the store's lifetime (keep one
/// store per run), all reads run concurrently where the provider allows, and every failure is reported together
/// in one <see cref="SecretsUnavailableException"/> before anything acts on a node.
/// </summary>
public sealed class SecretStore(OnePasswordOptions? onePassword = null)
{
    private readonly OnePasswordOptions onePassword = onePassword ?? new OnePasswordOptions();
    private readonly Dictionary<(SecretReference, string), string> fetched = [];
    private readonly SemaphoreSlim oneFetchAtATime = new(1);

    /// <summary>The values of <paramref name="names"/> as declared by <paramref name="environment"/>'s secrets.</summary>
    /// <param name="repositoryRoot">Root that <c>file:</c> references are relative to.</param>
    /// <exception cref="SecretsUnavailableException">One or more secrets are missing, unreadable or break a rule.</exception>
    public async Task<SecretSet> FetchAsync(EnvironmentTopology environment, IEnumerable<string> names,
        string repositoryRoot, CancellationToken cancellationToken = default)
    {
        var requested = names.Distinct(StringComparer.Ordinal).ToList();
        var plan = SecretPlan.For(environment, requested, System.Environment.GetEnvironmentVariable);
        var root = Path.GetFullPath(repositoryRoot);
        await oneFetchAtATime.WaitAsync(cancellationToken);
        try
        {
            var toRead = plan.References.Where(r => !fetched.ContainsKey((r, root))).ToList();
            var results = await Fetcher(root).ReadAllAsync(toRead, cancellationToken);
            var failures = new List<SecretFailure>(plan.Failures);
            foreach (var (reference, value, failure) in results)
            {
                var broken = failure ?? InsecureSecretValues.Check(reference.Name, reference.ToString(), value!) ?? SecretValueRules.Check(reference.Name, reference.ToString(), value!);
                if (broken is null)
                    fetched[(reference, root)] = value!;
                else
                    failures.Add(broken);
            }
            if (failures.Count > 0)
                throw new SecretsUnavailableException(InRequestOrder(failures, requested));
            return new SecretSet(plan.References.Select(r => KeyValuePair.Create(r.Name, fetched[(r, root)])));
        }
        finally
        {
            oneFetchAtATime.Release();
        }
    }

    private static List<SecretFailure> InRequestOrder(List<SecretFailure> failures, List<string> requested) =>
        [.. failures.OrderBy(f => requested.IndexOf(f.Name))];

    private SecretFetcher Fetcher(string root) =>
        new([new EnvironmentProvider(), new FileProvider(root), new OnePasswordProvider(onePassword)]);
}
