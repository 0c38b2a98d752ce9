using Ktrdr.Deploy.Lab.Planning;
using Ktrdr.Deploy.Lab.Tests.Support;
using Ktrdr.Deploy.Lab.Trust;
using Ktrdr.Deploy.Remote.HostKeys;

namespace Ktrdr.Deploy.Lab.Tests.Trust;

public sealed class TrustFileTests
{
    // A real ed25519 public key (made once with ssh-keygen for this test).
    private const string HostKey = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAINuit/YJo5Ixp+Dg7ajz8g61+eRQ1rJRzNb6kDvNEE7T root@backend";
    private readonly LabPlan _plan = LabSamples.Plan();

    [Fact]
    public void A_known_hosts_line_names_the_node_by_dns_name_and_address_without_the_comment() =>
        Assert.Equal("backend.ktrdr.lab,172.20.5.10 ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAINuit/YJo5Ixp+Dg7ajz8g61+eRQ1rJRzNb6kDvNEE7T",
            KnownHostsText.Line(_plan.Node("core"), HostKey + "\n"));

    [Fact]
    public void The_remote_layer_trusts_the_key_for_both_names_and_no_other_host()
    {
        var text = KnownHostsText.Render("abc123", [(_plan.Node("core"), HostKey)]);
        var knownHosts = KnownHosts.Parse(text, "known_hosts");
        var key = Convert.FromBase64String(HostKey.Split(' ')[1]);
        Assert.Empty(knownHosts.Notes);
        Assert.Equal(HostKeyStatus.Trusted, knownHosts.Verify("backend.ktrdr.lab", 22, key).Status);
        Assert.Equal(HostKeyStatus.Trusted, knownHosts.Verify("172.20.5.10", 22, key).Status);
        Assert.Equal(HostKeyStatus.Unknown, knownHosts.Verify("172.20.5.11", 22, key).Status);
    }

    [Theory]
    [InlineData("")]
    [InlineData("cat: /etc/ssh/ssh_host_ed25519_key.pub: No such file or directory")]
    [InlineData("ssh-ed25519 not-base64!")]
    public void Something_that_is_not_a_host_key_is_refused_naming_the_node(string text)
    {
        var error = Assert.Throws<LabException>(() => KnownHostsText.Line(_plan.Node("gpu"), text));
        Assert.Contains("node 'gpu'", error.Message);
        Assert.Contains("docker logs ktrdr-lab-abc123-gpu", error.Message);
    }

    [Fact]
    public void The_ssh_config_reaches_each_node_by_name_with_its_user_key_and_strict_host_checking()
    {
        var config = SshConfigText.Render(_plan);
        Assert.Contains("""
            Host gpu ktrdr-gpuworker.ktrdr.lab
              HostName 172.20.5.13
              User ktrdr
              IdentityFile /srv/checkout/.artifacts/lab/ssh/id_ed25519
              IdentitiesOnly yes
              UserKnownHostsFile /srv/checkout/.artifacts/lab/ssh/known_hosts
              StrictHostKeyChecking yes
            """.Replace("\r", ""), config);
        Assert.Contains("Host workers-b workers-b.ktrdr.lab\n  HostName 172.20.5.11\n  User root\n", config);
    }
}
