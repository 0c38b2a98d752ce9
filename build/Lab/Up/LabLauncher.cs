using Ktrdr.Deploy.Lab.Apt;
using Ktrdr.Deploy.Lab.Docker;
using Ktrdr.Deploy.Lab.Planning;
using Ktrdr.Deploy.Lab.Secrets;
using Ktrdr.Deploy.Lab.State;
using Serilog;

namespace Ktrdr.Deploy.Lab.Up;

/// <summary>
/// LabUp: checks every part of the lab and makes only what is missing — daemon, base image, images, secrets, SSH key,
/// network, volumes, containers, registry login, node readiness, known_hosts, state. On a lab that is up it changes
/// nothing and says so.
/// </summary>
public static class LabLauncher
{
    public static async Task<LabUpReport> UpAsync(LabRequest request, CancellationToken ct)
    {
        var paths = LabPaths.For(request.Root);
        var id = LabId.Resolve(request.LabId, request.Root);
        var previous = LabState.TryLoad(request.Root);
        if (previous is not null && previous.Id != id)
            throw new LabException($"{paths.StateFile} belongs to lab {previous.Id}, which is up for this checkout. " +
                                   $"Run ./build.sh LabDown --lab-id {previous.Id} first, or use --lab-id {previous.Id}.");
        if (previous is not null && await LabUpCheck.ConfirmAsync(request, previous, paths, RegistryUser(request), RegistryPassword(request, paths), ct))
        {
            Log.Information("lab {Id} is up (nothing to do): every container as the last full LabUp left it (one docker inspect), " +
                            "the registry's login and every node's sshd answer", id);
            return new LabUpReport(previous, []);
        }
        var steps = new StepLog();

        var endpoint = await steps.RunAsync("docker daemon", async () =>
        {
            var found = await LabDaemon.EnsureAsync(ct);
            return (found, found.StartedNow ? $"started the lab daemon on {LabDaemon.Socket}" : null);
        });
        var docker = endpoint.Docker;
        var plan = await steps.RunAsync("plan", () => LabPlanner.ResolveAsync(docker, request, id, ct));
        // the labelled network first: from here on, another checkout's LabDown sees this lab and leaves the daemon running
        await steps.RunAsync("network", () => LabContainers.EnsureNetworkAsync(docker, plan, ct));
        await steps.RunAsync("volumes", () => LabContainers.EnsureVolumesAsync(docker, plan, ct));
        var baseId = await steps.RunAsync("base image", async () =>
        {
            var (imageId, built) = await BaseImage.EnsureAsync(docker, HostApt.Read(), ct);
            return (imageId, built ? $"built {BaseImage.Reference}" : null);
        });
        var images = await steps.RunAsync("images", async () =>
        {
            var (set, built) = await LabImages.EnsureAsync(docker, request.Dockerfiles, baseId, ct);
            return (set, built.Count == 0 ? null : $"built {string.Join(", ", built)}");
        });
        await steps.RunAsync("secrets", () =>
        {
            var created = LabSecrets.Ensure(paths, request.Topology.Secrets.Values);
            return Task.FromResult(created.Count == 0 ? null : $"generated {string.Join(", ", created)} (values not shown)");
        });
        await steps.RunAsync("ssh key", () => LabFiles.EnsureKeyPairAsync(plan, ct));
        await steps.RunAsync("lab files", () => Task.FromResult(LabFiles.EnsureMounts(plan)));
        await steps.RunAsync("containers", () => LabContainers.EnsureContainersAsync(docker,
            ContainerSpec.For(plan, images), plan.Label, ct));
        await steps.RunAsync("registry login", () => RegistryLogin.EnsureAsync(docker, plan, RegistryUser(request), RegistryPassword(request, paths), ct));
        await steps.RunAsync("nodes ready", () => LabReadiness.WaitForNodesAsync(docker, plan, ct));
        await steps.RunAsync("ssh trust", () => LabTrust.WriteKnownHostsAsync(docker, plan, ct));

        var state = await steps.RunAsync("state", async () =>
        {
            var current = LabState.From(plan, docker.Host, endpoint.IsLabDaemon, await StartedAsync(docker, plan, ct));
            return (current, current.Save(request.Root) ? $"wrote {Path.GetRelativePath(request.Root, paths.StateFile)}" : null);
        });
        if (steps.Changes.Count == 0)
            Log.Information("lab {Id} is up (nothing to do)", id);
        else
            Log.Information("lab {Id} is up: {Subnet}, registry 127.0.0.1:{Port}, nodes {Nodes}; ssh -F {Config} <node>", id, plan.Subnet,
                plan.RegistryPort, string.Join(", ", plan.Nodes.Select(n => $"{n.Name}={n.Ip}")), Path.GetRelativePath(Directory.GetCurrentDirectory(), paths.SshConfig));
        return new LabUpReport(state, steps.Changes);
    }

    /// <summary>When each container started, now that its sshd and dockerd answered and its host key was read (what the next LabUp's check compares).</summary>
    private static async Task<IReadOnlyDictionary<string, string>> StartedAsync(DockerClient.DockerCli docker, LabPlan plan, CancellationToken ct) =>
        (await docker.RunAsync(["inspect", "--format", "{{.Name}} {{.State.StartedAt}}", .. plan.Containers], ct)).Lines
        .Select(l => l.Split(' ', 2)).Where(f => f.Length == 2).ToDictionary(f => f[0].TrimStart('/'), f => f[1], StringComparer.Ordinal);

    private static string RegistryUser(LabRequest request) =>
        request.Topology.Registry.Username
        ?? throw new LabException($"{request.Topology.SourceFile}: registry.username: the lab registry has a real login, so it needs a user name (e.g. ktrdr)");

    private static string RegistryPassword(LabRequest request, LabPaths paths)
    {
        var name = request.Topology.Registry.TokenSecret
                   ?? throw new LabException($"{request.Topology.SourceFile}: registry.token_secret: the lab registry needs a password secret (e.g. GHCR_TOKEN)");
        return request.Topology.Secrets.TryGetValue(name, out var secret)
            ? LabSecrets.Read(paths, secret)
            : throw new LabException($"{request.Topology.SourceFile}: registry.token_secret names {name}, which is not under secrets:");
    }
}
