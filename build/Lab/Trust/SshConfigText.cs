using System.Text;
using Ktrdr.Deploy.Lab.Planning;

namespace Ktrdr.Deploy.Lab.Trust;

/// <summary>An OpenSSH client config so a person can <c>ssh -F .artifacts/lab/ssh/config workers-b</c>, host keys checked.</summary>
internal static class SshConfigText
{
    public static string Render(LabPlan plan)
    {
        var text = new StringBuilder();
        text.Append($"# lab {plan.Id}: ssh -F {plan.Paths.SshConfig} <node>   (written by ./build.sh LabUp)\n");
        foreach (var node in plan.Nodes)
        {
            text.Append($"\nHost {node.Name} {node.DnsName}\n");
            text.Append($"  HostName {node.Ip}\n");
            text.Append($"  User {node.SshUser}\n");
            text.Append($"  IdentityFile {plan.Paths.PrivateKey}\n");
            text.Append("  IdentitiesOnly yes\n");
            text.Append($"  UserKnownHostsFile {plan.Paths.KnownHosts}\n");
            text.Append("  StrictHostKeyChecking yes\n");
        }
        return text.ToString();
    }
}
