using System.Text.RegularExpressions;
using Ktrdr.Deploy.Topology;
using YamlDotNet.RepresentationModel;

namespace Ktrdr.Deploy.Rendering.Swarm;

/// <summary>A service's environment split for Swarm: plain values stay, each secret becomes a file under /run/secrets.</summary>
internal sealed record SecretPlan(YMap Environment, List<object> Mounts, IReadOnlyList<string> Used, bool NeedsEntrypoint);

/// <summary>
/// Secrets as Swarm secrets, never as values in the service spec. An environment entry <c>KTRDR_DB_PASSWORD: ${DB_PASSWORD}</c>
/// becomes the external secret <c>ktrdr_DB_PASSWORD_&lt;version&gt;</c> mounted at <c>/run/secrets/KTRDR_DB_PASSWORD</c>, and the
/// image turns the file back into the variable the application reads: images we build through their entrypoint
/// (<see cref="Entrypoint"/>, the contract in docs/swarm.md), known third-party images through their own <c>NAME_FILE</c>
/// convention. Anything else is refused: a secret must not silently vanish from a service.
/// </summary>
internal static partial class SwarmSecrets
{
    /// <summary>The images we build run this first: it exports every /run/secrets/NAME as NAME, then execs the command.</summary>
    public const string Entrypoint = "/usr/local/bin/ktrdr-secrets-env";
    public const string Folder = "/run/secrets";

    /// <summary>Third-party image repository → the suffix it reads a variable's file name from (POSTGRES_PASSWORD_FILE).</summary>
    private static readonly IReadOnlyDictionary<string, string> FileConventions = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["postgres"] = "_FILE", ["timescale/timescaledb"] = "_FILE", ["grafana/grafana"] = "__FILE",
    };

    public static SecretPlan Plan(ServiceSource s, (string Uid, string Gid)? owner)
    {
        RefuseSecretsOutsideEnvironment(s);
        var environment = new YMap();
        var mounts = new List<object>();
        var used = new List<string>();
        var needsEntrypoint = false;
        foreach (var (name, raw, at) in s.Parsed?.Environment ?? [])
        {
            var secrets = raw is null ? (s.Env.Secrets.ContainsKey(name) ? [name] : []) : s.SecretsIn(raw);
            if (secrets.Count == 0)
            {
                environment.Set(name, raw is null ? PassThrough(s, name, at) : s.Resolve(raw));
                continue;
            }
            if (raw is not null && !WholeReference().IsMatch(raw.Trim()))
            {
                s.Report(at, $"environment.{name}", $"{name} holds {secrets[0]} inside a longer value; a Swarm secret is a file holding the secret alone",
                    $"give the application {secrets[0]} in a variable of its own, or keep this environment on engine: compose");
                continue;
            }
            if (Delivery(s) is not { } delivery)
            {
                s.Report(at, $"environment.{name}",
                    $"{name} would reach image {s.Text("image")} as a file, /run/secrets/{name}, and nothing in that image reads it back into {name}",
                    $"build the image with the secrets entrypoint ({Entrypoint}, docs/swarm.md) or use an image that reads {name}_FILE");
                continue;
            }
            if (delivery.Length > 0) environment.Set(name + delivery, $"{Folder}/{name}");
            else needsEntrypoint = true;
            mounts.Add(Mount(secrets[0], name, owner));
            if (!used.Contains(secrets[0])) used.Add(secrets[0]);
        }
        return new SecretPlan(environment, mounts, used, needsEntrypoint);
    }

    /// <summary>"" for an image we build (its entrypoint exports the file), the <c>_FILE</c> suffix of a known image, or null.</summary>
    private static string? Delivery(ServiceSource s)
    {
        var image = s.Image();
        if (image is { Build: true }) return "";
        var repository = image?.Repository ?? s.Text("image")?.Split('@')[0].Split(':')[0] ?? "";
        return FileConventions.TryGetValue(repository, out var suffix) ? suffix : null;
    }

    private static YMap Mount(string secret, string target, (string Uid, string Gid)? owner)
    {
        var mount = new YMap().Set("source", secret).Set("target", target);
        if (owner is { } o) mount.Set("uid", o.Uid).Set("gid", o.Gid).Set("mode", new Plain("256"));   // 0400: the service's user only
        return mount;
    }

    private static object PassThrough(ServiceSource s, string name, SourcePosition at)
    {
        var value = s.Resolve("${" + name + "}");
        if (value.Length == 0)
            s.Report(at, $"environment.{name}", $"{name} is passed through from the deploying shell, and a stack file carries no shell",
                $"give {name} a value (`{name}: ${{{name}}}` with {name} in the topology's env) so the render can write it");
        return value;
    }

    private static void RefuseSecretsOutsideEnvironment(ServiceSource s)
    {
        foreach (var (key, value) in s.Body.Children)
        {
            var k = ((YamlScalarNode)key).Value ?? "";
            if (k == "environment") continue;
            foreach (var scalar in value.AllNodes.OfType<YamlScalarNode>())
            foreach (var secret in s.SecretsIn(scalar.Value ?? ""))
                s.Report(scalar, k, $"{k} names the secret {secret}: a Swarm service spec is readable by anyone with docker on a manager",
                    $"pass {secret} through the environment (it then becomes a file under {Folder})");
        }
    }

    [GeneratedRegex(@"^\$\{[A-Z][A-Z0-9_]*(:?[?-][^}]*)?\}$")] private static partial Regex WholeReference();
}
