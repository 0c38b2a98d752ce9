using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using Ktrdr.Deploy.Lab.Docker;
using Ktrdr.Deploy.Lab.Planning;
using Ktrdr.Deploy.DockerClient;

namespace Ktrdr.Deploy.Lab.Up;

/// <summary>Waits until every node answers: its sshd greets on &lt;ip&gt;:22 from this machine, and its dockerd answers docker info.</summary>
internal static class LabReadiness
{
    public static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    public static async Task<string?> WaitForNodesAsync(DockerCli docker, LabPlan plan, CancellationToken ct)
    {
        var waits = await Task.WhenAll(plan.Nodes.Select(node => WaitForNodeAsync(docker, node, ct)));
        var slow = waits.Where(w => w.Waited).Select(w => w.Node).ToList();
        return slow.Count == 0 ? null : $"{string.Join(", ", slow)} came up";
    }

    private static async Task<(string Node, bool Waited)> WaitForNodeAsync(DockerCli docker, LabNode node, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        var waited = false;
        while (!(await SshGreetsAsync(node.Ip, ct) && await DockerAnswersAsync(docker, node, ct)))
        {
            waited = true;
            if (watch.Elapsed > Timeout)
            {
                var logs = await docker.TryAsync(["exec", node.Container, "sh", "-c", "tail -n 8 /var/log/dockerd.log /var/log/sshd.log"], ct);
                var state = await docker.TryAsync(["container", "inspect", "--format", "{{.State.Status}} {{.State.Error}}", node.Container], ct);
                throw new LabException($"node '{node.Name}' ({node.Container}, {node.Ip}) did not answer on SSH and Docker within {Timeout.TotalMinutes:0} min " +
                                       $"(container: {state.Output.Trim()}).\n  {(logs.Output + logs.Error).Trim().Replace("\n", "\n  ")}\n  " +
                                       $"More: docker logs {node.Container}");
            }
            await Task.Delay(250, ct);
        }
        return (node.Name, waited);
    }

    /// <summary>True when something on ip:22 sends an SSH greeting ("SSH-2.0-...").</summary>
    public static async Task<bool> SshGreetsAsync(string ip, CancellationToken ct)
    {
        try
        {
            using var client = new TcpClient();
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(2));
            await client.ConnectAsync(ip, 22, timeout.Token);
            var buffer = new byte[64];
            var read = await client.GetStream().ReadAsync(buffer, timeout.Token);
            return Encoding.ASCII.GetString(buffer, 0, read).StartsWith("SSH-", StringComparison.Ordinal);
        }
        catch (Exception e) when (e is SocketException or IOException or OperationCanceledException && !ct.IsCancellationRequested)
        {
            return false;
        }
    }

    private static async Task<bool> DockerAnswersAsync(DockerCli docker, LabNode node, CancellationToken ct) =>
        (await docker.TryAsync(["exec", node.Container, "docker", "info", "--format", "{{.ServerVersion}}"], ct)).Succeeded;
}
