using Ktrdr.Deploy.Commands.Compose;
using Ktrdr.Deploy.Commands.Drift;

namespace Ktrdr.Deploy.Rollout.Drift;

/// <summary>
/// Containers of our compose project against the services the bundle runs with the node's profiles: missing, stopped,
/// restarting, unhealthy, running another image (reference or digest) or another configuration (compose's config hash
/// on the container against the one compose computes on the node, comparable only while the node's compose files and
/// .env are the bundle's), and containers of services the bundle does not run there. Other projects are never listed.
/// </summary>
internal static class ContainerDrift
{
    public static (IReadOnlyList<DriftFinding> Findings, IReadOnlyList<string> Notes) Findings(BundleFacts bundle, NodeFacts node, bool configComparable)
    {
        var findings = new List<DriftFinding>();
        var notes = new List<string>();
        if (configComparable && node.ConfigHashes is null && node.DeployDirectoryExists)
            notes.Add("container configs not compared: compose could not hash the files on the node (it needs the secrets: Diff and deploys have them, Status does not)");
        foreach (var service in bundle.Services)
        {
            var containers = node.Containers.Where(c => c.Status.Service == service).ToList();
            if (containers.Count == 0) findings.Add(new DriftFinding(DriftArea.Container, service, "has no container on the node"));
            foreach (var container in containers)
                findings.AddRange(Of(container, bundle.Images.GetValueOrDefault(service), configComparable ? node.ConfigHashes?.GetValueOrDefault(service) : null)
                    .Select(what => new DriftFinding(DriftArea.Container, service, what)));
        }
        findings.AddRange(node.Containers.Where(c => !bundle.Services.Contains(c.Status.Service)).Select(c => new DriftFinding(DriftArea.Container,
            c.Status.Name, $"is extra: service {c.Status.Service} is not run on this node by the bundle and its profiles")));
        return (findings, notes);
    }

    private static IEnumerable<string> Of(RunningContainer container, string? wantedImage, string? configHash)
    {
        var status = container.Status;
        if (status.State == "restarting") yield return $"is restarting (last exit {status.ExitCode})";
        else if (!status.IsRunning) yield return $"is stopped ({status.State}{(status.State == "exited" ? $" {status.ExitCode}" : "")})";
        else if (status.Health == ContainerHealth.Unhealthy) yield return "is unhealthy";
        if (wantedImage is not null && ImageDifference(container, wantedImage) is { } image) yield return image;
        if (configHash is not null && status.ConfigHash != configHash)
            yield return $"runs another configuration than the files (config-hash {Short(status.ConfigHash)}, the files give {Short(configHash)})";
    }

    /// <summary>Why the container does not run <paramref name="wanted"/> (<c>reference</c> or <c>reference@digest</c>), or null when it does.</summary>
    public static string? ImageDifference(RunningContainer container, string wanted)
    {
        var at = wanted.IndexOf('@');
        var reference = at < 0 ? wanted : wanted[..at];
        if (container.Status.Image != reference) return $"runs image {container.Status.Image}, the bundle's is {reference}";
        if (at < 0) return null;
        var digest = wanted[(at + 1)..];
        // an image never pulled from a registry (built or loaded on the node) has no registry digest: only its tag is compared
        if (container.ImageId == digest || container.RepoDigests.Count == 0 || container.RepoDigests.Any(d => d.EndsWith("@" + digest, StringComparison.Ordinal)))
            return null;
        return $"runs {reference} as {string.Join(", ", container.RepoDigests.Select(d => Short(d.Split('@').Last())))}, the registry has {Short(digest)} for it";
    }

    private static string Short(string? hash) => hash is null ? "none" : hash.Replace("sha256:", "") is var h && h.Length > 12 ? h[..12] : hash;
}
