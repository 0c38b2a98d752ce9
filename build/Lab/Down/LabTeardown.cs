using Ktrdr.Deploy.Lab.Docker;
using Ktrdr.Deploy.Lab.Planning;
using Ktrdr.Deploy.Lab.State;
using Serilog;
using Ktrdr.Deploy.DockerClient;

namespace Ktrdr.Deploy.Lab.Down;

/// <summary>What LabDown removed; empty when no lab with that id was up.</summary>
public sealed record LabTeardownReport(string Id, IReadOnlyList<string> Removed, bool DaemonStopped)
{
    public bool NothingWasUp => Removed.Count == 0 && !DaemonStopped;
}

/// <summary>
/// LabDown: removes exactly the containers, networks and volumes labelled <c>ktrdr.lab=&lt;id&gt;</c>, this lab's
/// files (<c>.artifacts/lab</c>), and the machine-wide lab daemon once no lab at all is left on it. Images stay: they are the cache.
/// </summary>
public static class LabTeardown
{
    private static readonly string[] Kinds = ["container", "network", "volume"];   // containers first: they hold the others

    public static async Task<LabTeardownReport> DownAsync(string root, string? labId, CancellationToken ct)
    {
        var paths = LabPaths.For(root);
        var state = ReadState(root);
        var id = string.IsNullOrWhiteSpace(labId) ? state?.Id ?? LabId.ForCheckout(root) : LabId.Validate(labId);
        var label = $"{LabPlan.LabelKey}={id}";
        var removed = new List<string>();

        var daemons = new List<DockerCli>();
        foreach (var host in new[] { LabDaemon.DefaultHost, LabDaemon.Socket }.Distinct())
            if (await LabDaemon.FindAsync(host, ct) is { } docker) daemons.Add(docker);
        foreach (var docker in daemons)
            foreach (var kind in Kinds)
            {
                var names = (await docker.RunAsync(DockerArgs.ListLabelled(kind, label), ct)).Lines;
                if (names.Count == 0) continue;
                await docker.RunAsync(DockerArgs.Remove(kind, names), ct);
                foreach (var name in names) Log.Information("  removed {Kind} {Name}", kind, name);
                removed.AddRange(names.Select(n => $"{kind} {n}"));
            }

        if ((state is null || state.Id == id) && Directory.Exists(paths.Directory))
        {
            Directory.Delete(paths.Directory, recursive: true);
            Log.Information("  removed {Directory} (state, ssh key and known_hosts, secrets, shared data)", paths.Directory);
            removed.Add($"directory {paths.Directory}");
        }
        var stopped = await StopIdleLabDaemonAsync(daemons, ct);
        return new LabTeardownReport(id, removed, stopped);
    }

    /// <summary>
    /// Stops the machine-wide lab daemon when it runs and no other lab has anything on it: no container, network or
    /// volume labelled ktrdr.lab. (LabUp labels its network first, so a lab still building its images counts too.)
    /// </summary>
    private static async Task<bool> StopIdleLabDaemonAsync(IReadOnlyList<DockerCli> daemons, CancellationToken ct)
    {
        var lab = daemons.FirstOrDefault(d => d.Host == LabDaemon.Socket);
        if (lab is null) return false;
        var others = new List<string>();
        foreach (var kind in Kinds)
            others.AddRange((await lab.RunAsync(DockerArgs.ListLabelled(kind, LabPlan.LabelKey), ct)).Lines.Select(n => $"{kind} {n}"));
        if (others.Count > 0)
        {
            Log.Information("  the lab daemon keeps running: other labs still use it ({Resources})", string.Join(", ", others.Take(6)));
            return false;
        }
        return await LabDaemon.StopAsync(ct);
    }

    private static LabState? ReadState(string root)
    {
        try
        {
            return LabState.TryLoad(root);
        }
        catch (LabException e)
        {
            Log.Warning("{Problem} (removing the lab by its labels anyway)", e.Message);
            return null;
        }
    }
}
