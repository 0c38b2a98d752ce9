using Ktrdr.Deploy.Topology.Reading;
using Ktrdr.Deploy.Topology.Text;

namespace Ktrdr.Deploy.Topology.Checks;

/// <summary>Rules tying names together: the environment's name, secrets, the registry login, variables.</summary>
internal static class ReferenceChecks
{
    /// <summary>Secrets every environment but the single-host developer one (local) must declare.</summary>
    public static readonly IReadOnlyList<string> RequiredSecrets = ["DB_USER", "DB_PASSWORD", "JWT_SECRET"];

    public static void Run(EnvironmentTopology topology, ReadContext context)
    {
        var folder = Path.GetFileName(topology.Directory);
        if (!context.Failed("name") && topology.Name != folder)
            context.Report("name", $"expected \"{folder}\" (the name of the folder holding this file), found \"{topology.Name}\"",
                $"environments are chosen by folder name: write `name: {folder}` or move the file to environments/{topology.Name}/");
        CheckRequiredSecrets(topology, context);
        CheckRegistryLogin(topology, context);
        CheckVariables("env", topology.Env, topology, context);
        foreach (var node in topology.Nodes)
            CheckVariables($"nodes.{node.Name}.env", node.Env, topology, context);
    }

    private static void CheckRequiredSecrets(EnvironmentTopology topology, ReadContext context)
    {
        if (topology.Name == "local" || context.Diagnostics.Items.Any(d => d.Field == "secrets")) return;
        foreach (var missing in RequiredSecrets.Where(s => !topology.Secrets.ContainsKey(s) && !context.Failed($"secrets.{s}")))
            context.Report("secrets", $"expected a secret named {missing}, found none",
                $"the backend cannot start without {string.Join(", ", RequiredSecrets)}: add `{missing}: op://<vault>/<item>/<field>` " +
                "(or env:/file:) under secrets");
    }

    private static void CheckRegistryLogin(EnvironmentTopology topology, ReadContext context)
    {
        var registry = topology.Registry;
        if (registry.TokenSecret is { } token && !context.Failed("registry.token_secret") && !topology.Secrets.ContainsKey(token))
            context.Report("registry.token_secret", $"expected the name of a secret declared under secrets, found \"{token}\"",
                DidYouMean.Hint(token, topology.Secrets.Keys.ToList(), "declared secrets") + "; declare it under secrets or fix the name");
        if (registry.Username is null != registry.TokenSecret is null)
        {
            var (present, absent) = registry.Username is null ? ("token_secret", "username") : ("username", "token_secret");
            context.Report($"registry.{present}", $"expected {present} together with {absent}, found only {present}",
                $"docker login needs both: add `{absent}:` under registry, or remove `{present}:` for a registry without login");
        }
    }

    private static void CheckVariables(string section, IReadOnlyDictionary<string, string> variables, EnvironmentTopology topology, ReadContext context)
    {
        foreach (var name in variables.Keys.Where(topology.Secrets.ContainsKey))
            context.Report($"{section}.{name}", $"expected a non-secret variable, found \"{name}\" which is declared under secrets",
                "remove it from env: secrets are injected at deploy time from their reference and never written as plain variables");
        foreach (var name in variables.Keys)
            if (GeneratedVariables.Source(topology, name) is { } source)
                context.Report($"{section}.{name}", $"expected a variable the deploy does not generate, found \"{name}\": {source}",
                    $"remove {name} from {section.Split('.')[^1]}: the deploy sets it per node; to change it, change what it comes from, or use another name");
    }
}
