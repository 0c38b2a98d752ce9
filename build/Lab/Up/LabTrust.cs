using Ktrdr.Deploy.Lab.Docker;
using Ktrdr.Deploy.Lab.Planning;
using Ktrdr.Deploy.Lab.Trust;
using Ktrdr.Deploy.DockerClient;

namespace Ktrdr.Deploy.Lab.Up;

/// <summary>
/// SSH trust between this machine and the nodes: each node's host key is read through <c>docker exec</c> (a channel
/// Docker already authenticates, so nothing is trusted on first use over the network) into known_hosts, beside an
/// SSH config for people. The same call (re)installs the lab's authorized key on the node.
/// </summary>
internal static class LabTrust
{
    public const string NodeKeysCommand = "/usr/local/bin/ktrdr-lab-node";

    public static async Task<string?> WriteKnownHostsAsync(DockerCli docker, LabPlan plan, CancellationToken ct)
    {
        var keys = await Task.WhenAll(plan.Nodes.Select(async node =>
            (node, (await docker.RunAsync(["exec", node.Container, NodeKeysCommand, "keys"], ct)).Output)));
        var changed = new List<string>();
        if (LabFiles.WriteIfChanged(plan.Paths.KnownHosts, KnownHostsText.Render(plan.Id, keys))) changed.Add("known_hosts");
        if (LabFiles.WriteIfChanged(plan.Paths.SshConfig, SshConfigText.Render(plan))) changed.Add("ssh config");
        return changed.Count == 0 ? null : $"wrote {string.Join(", ", changed)} ({plan.Nodes.Count} nodes)";
    }
}
