using Ktrdr.Deploy.Topology.Text;

namespace Ktrdr.Deploy.Topology.AppEnvironment;

/// <summary>
/// Every environment variable the application (KTRDR) reads, with older names, defaults and secrets, as
/// carried in deploy/app/ktrdr-env.tsv (with the KTRDR commit it was read from). The build embeds that file.
/// </summary>
public sealed class AppEnvCatalog
{
    public const string RepositoryPath = "deploy/app/ktrdr-env.tsv";

    private readonly Dictionary<string, AppVariable> byName;
    private readonly Dictionary<string, AppVariable> byOlderName;

    public AppEnvCatalog(string sourceReference, IReadOnlyList<AppVariable> variables)
    {
        SourceReference = sourceReference;
        Variables = variables;
        byName = variables.ToDictionary(v => v.Name, StringComparer.Ordinal);
        byOlderName = variables.Where(v => v.OlderName is not null)
            .GroupBy(v => v.OlderName!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
    }

    /// <summary>Where the catalogue was read from, e.g. "github.com/kpiteira/ktrdr at commit 2c5c7173".</summary>
    public string SourceReference { get; }

    public IReadOnlyList<AppVariable> Variables { get; }

    /// <summary>The catalogue this build carries (deploy/app/ktrdr-env.tsv, embedded).</summary>
    public static AppEnvCatalog Current => current.Value;

    private static readonly Lazy<AppEnvCatalog> current = new(() => AppEnvCatalogFile.LoadEmbedded());

    /// <summary>The variable read under exactly this name, or null.</summary>
    public AppVariable? Read(string name) => byName.GetValueOrDefault(name);

    /// <summary>The variable this deprecated name still sets (with a warning), or null when it is not an older name.</summary>
    public AppVariable? ReplacedBy(string olderName) => byName.ContainsKey(olderName) ? null : byOlderName.GetValueOrDefault(olderName);

    public IEnumerable<AppVariable> Secrets => Variables.Where(v => v.IsSecret);

    /// <summary>Values the application falls back to for its secrets: public, so never acceptable as a real secret.</summary>
    public IReadOnlyList<string> InsecureDefaults => [.. Secrets.Select(v => v.InsecureDefault).OfType<string>()];

    /// <summary>The real name closest to an unread one: a name it is the tail of (JWT_SECRET → KTRDR_AUTH_JWT_SECRET), else by spelling.</summary>
    public string? Nearest(string unread)
    {
        var tail = Variables.Where(v => v.Name.EndsWith("_" + unread, StringComparison.Ordinal)).OrderBy(v => v.Name.Length).FirstOrDefault();
        return tail?.Name ?? DidYouMean.Closest(unread, byName.Keys);
    }
}
