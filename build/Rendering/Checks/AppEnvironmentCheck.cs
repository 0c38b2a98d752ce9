using Ktrdr.Deploy.Rendering.Compose;
using Ktrdr.Deploy.Topology;
using Ktrdr.Deploy.Topology.AppEnvironment;

namespace Ktrdr.Deploy.Rendering.Checks;

/// <summary>
/// Every container running the application image is given only variables the application reads (deploy/app/ktrdr-env.tsv):
/// an unread name is an error with the nearest real name (the application silently ignores it, so the setting is
/// its default); an older name is a warning with its replacement; every application container (backend and
/// workers: both check their secrets at start) receives each secret under the name the application reads, from a
/// declared secret; and a production environment runs with <c>KTRDR_ENV=production</c>,
/// so the application refuses to start on an insecure default.
/// </summary>
internal sealed class AppEnvironmentCheck(AppEnvCatalog? catalog = null) : IRenderCheck
{
    public const string EnvSwitch = "KTRDR_ENV";
    public const string Acknowledge = "KTRDR_ACKNOWLEDGE_INSECURE_DEFAULTS";

    private readonly AppEnvCatalog catalog = catalog ?? AppEnvCatalog.Current;

    public string Name => "application environment";

    public IEnumerable<Diagnostic> Run(RenderContext ctx)
    {
        var seen = new HashSet<string>();
        foreach (var ns in NodeService.All(ctx))
            foreach (var d in Names(ns).Concat(Secrets(ns, ctx.Env)).Concat(Production(ns, ctx.Env)))
                if (seen.Add(d.ToString())) yield return d;
    }

    private IEnumerable<Diagnostic> Names(NodeService ns)
    {
        foreach (var entry in ns.Service.Environment)
        {
            var field = Field(ns, entry.Name);
            if (catalog.Read(entry.Name) is not null) continue;
            if (catalog.ReplacedBy(entry.Name) is { } current)
                yield return DiagnosticAt.Compose(ns.File, entry.Position, field,
                    $"{entry.Name} is the older name of {current.Name}: the application logs a deprecation warning at every start",
                    $"rename it to {current.Name}") with { Severity = DiagnosticSeverity.Warning };
            else
                yield return DiagnosticAt.Compose(ns.File, entry.Position, field,
                    $"the application does not read {entry.Name} (service {ns.Service.Name}): it is silently ignored, so the setting stays at its default",
                    (catalog.Nearest(entry.Name) is { } near ? $"did you mean {near}? " : "") +
                    $"only names in {AppEnvCatalog.RepositoryPath} reach the application; remove the line if nothing needs it");
        }
    }

    private IEnumerable<Diagnostic> Secrets(NodeService ns, EnvironmentTopology env)
    {
        foreach (var secret in catalog.Secrets)
        {
            var entry = ns.Service.Environment.FirstOrDefault(e => e.Name == secret.Name || e.Name == secret.OlderName);
            if (entry is not null && !FromSecret(entry, env))
                yield return DiagnosticAt.Compose(ns.File, entry.Position, Field(ns, entry.Name),
                    $"{entry.Name} carries a secret but its value is not one of the topology's secrets",
                    $"write {entry.Name}: ${{<SECRET>:?<SECRET> is injected at deploy time}} with a secret declared under secrets ({string.Join(", ", env.Secrets.Keys)})");
            else if (entry is null)
            {
                var misnamed = ns.Service.Environment.FirstOrDefault(e => FromSecret(e, env) && catalog.Nearest(e.Name) == secret.Name);
                yield return DiagnosticAt.Compose(ns.File, misnamed?.Position ?? ns.Service.Position, $"services.{ns.Service.Name}.environment",
                    $"service {ns.Service.Name} does not receive {secret.Name}" + (misnamed is null ? "" : $" (its secret arrives as {misnamed.Name}, which the application does not read)") +
                    $": it would run with the public default \"{secret.DefaultValue}\" (and refuse to start under {EnvSwitch}=production)",
                    $"set {secret.Name}: ${{<SECRET>:?...}} from the topology's secret" + (misnamed is null ? "" : $" (rename {misnamed.Name} to {secret.Name}; keep the secret's own name)"));
            }
        }
    }

    private IEnumerable<Diagnostic> Production(NodeService ns, EnvironmentTopology env)
    {
        if (env.ApiEnvironment != ApiEnvironment.Production) yield break;
        var value = ns.EnvValue(EnvSwitch);
        if (value != "production")
            yield return DiagnosticAt.Compose(ns.File, ns.Service.Env(EnvSwitch)?.Position ?? ns.Service.Position, Field(ns, EnvSwitch),
                $"{env.Name} has api_environment production but on node {ns.Node.Name} {EnvSwitch} is " +
                (value is null ? "not set" : $"\"{value}\"") + ": the application would start with an insecure default secret instead of refusing to",
                $"set {EnvSwitch}: production (e.g. {EnvSwitch}: ${{KTRDR_API_ENVIRONMENT:?...}})");
        if (ns.EnvValue(Acknowledge) is { } ack && ack.Equals("true", StringComparison.OrdinalIgnoreCase))
            yield return DiagnosticAt.Compose(ns.File, ns.Service.Env(Acknowledge)!.Position, Field(ns, Acknowledge),
                $"{Acknowledge}=true in a production environment lets the application start on insecure default secrets",
                "remove the line");
    }

    private static bool FromSecret(EnvironmentEntry entry, EnvironmentTopology env) =>
        entry.Value is null ? env.Secrets.ContainsKey(entry.Name) : VariableReference.FindAll(entry.Value).Any(r => env.Secrets.ContainsKey(r.Name));

    private static string Field(NodeService ns, string name) => $"services.{ns.Service.Name}.environment.{name}";
}
