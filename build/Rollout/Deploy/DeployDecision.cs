using Ktrdr.Deploy.Commands.Compose;
using Ktrdr.Deploy.Rollout.Drift;

namespace Ktrdr.Deploy.Rollout.Deploy;

/// <summary>Whether a node needs deploying, and why, in words for the progress line.</summary>
public sealed record DeployDecision(bool Deploy, string Reason)
{
    /// <summary>How the node differs from the bundle, read with the state (null: not read).</summary>
    public NodeDrift? Drift { get; init; }

    /// <summary>
    /// <see cref="Decide(DeployStamp?, DeployStamp, IReadOnlyList{ContainerStatus}, bool)"/>, and then the node's real state: a node
    /// whose stamp says "unchanged" but whose files, images or container configs differ from the bundle is deployed
    /// ("changed: docker-compose.workers.yml differs on the node").
    /// </summary>
    public static DeployDecision Decide(DeployStamp? current, DeployStamp desired, IReadOnlyList<ContainerStatus> containers, bool force, NodeDrift drift)
    {
        var decided = Decide(current, desired, containers, force);
        return (decided.Deploy || drift.InSync ? decided : new DeployDecision(true, $"changed: {drift.Reason}")) with { Drift = drift };
    }

    /// <summary>
    /// Unchanged only when the node's stamp names the same bundle, images and services (profiles) as wanted and every
    /// service it recorded is running and not unhealthy; an empty desired service list means "whatever came up"; <paramref name="force"/> deploys anyway (e.g. after rotating a secret).
    /// </summary>
    public static DeployDecision Decide(DeployStamp? current, DeployStamp desired, IReadOnlyList<ContainerStatus> containers, bool force)
    {
        if (force) return new(true, "forced (--force)");
        if (current is null) return new(true, "not deployed by this tool yet");
        if (current.BundleHash != desired.BundleHash)
            return new(true, $"bundle {Short(current.BundleHash)} → {Short(desired.BundleHash)}");
        if (!current.SameTarget(desired))
        {
            var changed = desired.Images.Where(i => !current.Images.TryGetValue(i.Key, out var was) || was != i.Value).Select(i => i.Key)
                .Concat(current.Images.Keys.Where(k => !desired.Images.ContainsKey(k))).Distinct().Order(StringComparer.Ordinal);
            return new(true, $"new image(s): {string.Join(", ", changed)}");
        }
        if (desired.Services.Count > 0 && !desired.Services.ToHashSet(StringComparer.Ordinal).SetEquals(current.Services))
        {
            // same files, other services: the node's profiles changed (scaling out or in)
            var added = desired.Services.Except(current.Services).Select(s => "+" + s);
            var removed = current.Services.Except(desired.Services).Select(s => "-" + s);
            return new(true, $"services {string.Join(" ", added.Concat(removed))} (profiles changed)");
        }
        var byService = containers.GroupBy(c => c.Service).ToDictionary(g => g.Key, g => g.ToList());
        foreach (var service in current.Services)
        {
            if (!byService.TryGetValue(service, out var running) || !running.Any(c => c.IsRunning))
                return new(true, $"service {service} is not running");
            if (running.Any(c => c.Health == ContainerHealth.Unhealthy))
                return new(true, $"service {service} is unhealthy");
        }
        return new(false, $"same bundle {Short(desired.BundleHash)} and images, {current.Services.Count} service(s) running");
    }

    private static string Short(string hash) => hash.Length > 12 ? hash[..12] : hash;
}
