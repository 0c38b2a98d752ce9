using Ktrdr.Deploy.Rendering.Compose;

namespace Ktrdr.Deploy.Rollout.Deploy;

/// <summary>
/// Which services read a file of the bundle that changed. A bind mount follows the file it was created with: after the
/// deploy directory is swapped, a container compose leaves running (its own settings are unchanged) still reads the old
/// file, now under .previous — Prometheus with last week's targets. Those services are recreated.
/// </summary>
public static class MountedFiles
{
    /// <param name="mounts">Service → the relative bind-mount sources it uses (e.g. <c>./prometheus/prometheus.yml</c>, a file or a directory).</param>
    /// <param name="before">The running bundle's files (path → sha256); null when unknown (then every mounting service counts).</param>
    /// <param name="after">The new bundle's files.</param>
    public static IReadOnlyList<string> ServicesReadingChanges(IReadOnlyDictionary<string, IReadOnlyList<string>> mounts,
        IReadOnlyDictionary<string, string>? before, IReadOnlyDictionary<string, string> after)
    {
        var changed = before is null
            ? null
            : after.Where(f => !before.TryGetValue(f.Key, out var was) || was != f.Value).Select(f => f.Key)
                .Concat(before.Keys.Where(k => !after.ContainsKey(k))).ToHashSet(StringComparer.Ordinal);
        return [.. mounts.Where(m => m.Value.Select(Normalize).Any(source => changed is null || changed.Any(path => Covers(source, path))))
            .Select(m => m.Key).Order(StringComparer.Ordinal)];
    }

    /// <summary>Service → its relative bind-mount sources (the files and folders of the bundle it reads), for services that have any.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Of(IEnumerable<ComposeService> services) =>
        services.Where(s => s.Volumes.Any(v => v.IsRelativeBind)).GroupBy(s => s.Name)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)[.. g.SelectMany(s => s.Volumes).Where(v => v.IsRelativeBind).Select(v => v.Source)]);

    /// <summary>Recreates <paramref name="services"/> (no dependencies touched) so that they read the files now in the deploy directory.</summary>
    public static async Task RecreateAsync(Remote.ICommandExecutor node, string nodeName, Commands.Compose.ComposeProject project,
        IReadOnlyList<string> services, IReadOnlyDictionary<string, string> secrets, CancellationToken ct, string? why = null)
    {
        if (services.Count == 0) return;
        await Nodes.NodeProgress.StepAsync(nodeName, "recreate", async () =>
        {
            await Nodes.NodeRun.RequireAsync(node, Commands.Compose.ComposeCommands.WithSecrets(
                Commands.Compose.ComposeCommands.Up(project, removeOrphans: false, services: services, noDeps: true, forceRecreate: true), secrets), ct);
            return $"{string.Join(", ", services)}: {why ?? "a file it mounts from the bundle changed"}";
        });
    }

    /// <summary><c>./prometheus/prometheus.yml</c> → <c>prometheus/prometheus.yml</c>; <c>./grafana/dashboards/</c> → <c>grafana/dashboards</c>.</summary>
    public static string Normalize(string source)
    {
        var path = source.Replace('\\', '/');
        while (path.StartsWith("./", StringComparison.Ordinal)) path = path[2..];
        return path.TrimEnd('/');
    }

    private static bool Covers(string source, string path) =>
        path == source || path.StartsWith(source + "/", StringComparison.Ordinal);
}
