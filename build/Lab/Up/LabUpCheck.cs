using Ktrdr.Deploy.DockerClient;
using Ktrdr.Deploy.Lab.Docker;
using Ktrdr.Deploy.Lab.Planning;
using Ktrdr.Deploy.Lab.Secrets;
using Ktrdr.Deploy.Lab.State;
using Serilog;

namespace Ktrdr.Deploy.Lab.Up;

/// <summary>
/// LabUp on a lab that is up, cheaply: one <c>docker inspect</c> of every object the lab needs (<see cref="LabInspection"/>),
/// the registry's login over HTTP (refused without it, accepted with it) and every node's sshd greeting, instead of a
/// docker call per object and a <c>docker exec</c> per node. Anything else (a part missing, changed or restarted, files
/// to write) and LabUp checks and makes every part as before.
/// </summary>
internal static class LabUpCheck
{
    public static async Task<bool> ConfirmAsync(LabRequest request, LabState previous, LabPaths paths, string user, string password, CancellationToken ct)
    {
        if (previous.Started is null || request.Subnet is { } s && s != previous.Subnet || request.RegistryPort is { } p && p != previous.RegistryHostPort) return false;
        if (!File.Exists(paths.KnownHosts) || !File.Exists(paths.SshConfig)) return false;
        var plan = LabPlan.Create(previous.Id, SubnetChooser.Parse(previous.Subnet), previous.RegistryHostPort, paths, request.Topology);
        if (LabSecrets.Ensure(paths, request.Topology.Secrets.Values).Count > 0 || await LabFiles.EnsureKeyPairAsync(plan, ct) is not null ||
            LabFiles.EnsureMounts(plan) is not null) return false;

        var docker = new DockerCli(previous.DockerHost);
        var inspected = await docker.TryAsync(["inspect", "--format", "{{json .}}", BaseImage.Reference, plan.Network, .. plan.Volumes, .. plan.Containers], ct);
        if (!inspected.Succeeded) return false;
        var lab = LabInspection.Parse(inspected.Output);
        if (lab.BaseImageId is not { } baseId) return false;
        if (lab.Differs(plan, ContainerSpec.For(plan, LabImages.References(request.Dockerfiles, baseId)), previous.Started) is { } why)
        {
            Log.Information("lab {Id}: {Why}: checking every part", previous.Id, why);
            return false;
        }
        var answers = await Task.WhenAll(plan.Nodes.Select(n => LabReadiness.SshGreetsAsync(n.Ip, ct)).Append(RegistryLogin.WorksAsync(plan, user, password, ct)));
        return answers.All(a => a);
    }
}
