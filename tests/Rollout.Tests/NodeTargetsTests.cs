using Ktrdr.Deploy.Rollout.Nodes;
using Rollout.Tests.Support;

namespace Rollout.Tests;

public class NodeTargetsTests
{
    private const string Root = "/srv/repo";
    private const string Home = "/home/builder";

    [Theory]
    [InlineData("~/.ssh/id", "/home/builder/.ssh/id")]
    [InlineData("~", "/home/builder")]
    [InlineData(".artifacts/lab/ssh/id_ed25519", "/srv/repo/.artifacts/lab/ssh/id_ed25519")]
    [InlineData("../keys/id", "/srv/keys/id")]
    [InlineData("/etc/ktrdr/id_ed25519", "/etc/ktrdr/id_ed25519")]
    public void Resolve_puts_tilde_paths_under_home_and_relative_ones_under_the_root(string path, string expected) =>
        Assert.Equal(expected, NodeTargets.Resolve(path, Root, Home));

    [Fact]
    public void For_carries_name_host_port_user_and_resolved_paths()
    {
        var node = Nodes.Node(user: "ktrdr", port: 2222, identityFile: "~/.ssh/id", knownHostsFile: ".artifacts/lab/ssh/known_hosts");

        var target = NodeTargets.For(node, Root, Home);

        Assert.Equal(("workers-b", "workers-b.ktrdr.lab", 2222, "ktrdr"), (target.Name, target.Host, target.Port, target.User));
        Assert.Equal("/home/builder/.ssh/id", target.IdentityFile);
        Assert.Equal("/srv/repo/.artifacts/lab/ssh/known_hosts", target.KnownHostsFile);
    }

    [Fact]
    public void The_runtime_address_wins_over_the_host()
    {
        var node = Nodes.Node() with { Address = "10.0.0.5" };

        Assert.Equal("10.0.0.5", NodeTargets.For(node, Root, Home).Host);
    }

    [Fact]
    public void Every_lab_node_uses_the_key_the_lab_writes_under_the_repository()
    {
        var lab = Nodes.Lab();

        var targets = lab.Nodes.Select(n => NodeTargets.For(n, Root, Home)).ToList();

        Assert.All(targets, t => Assert.Equal("/srv/repo/.artifacts/lab/ssh/id_ed25519", t.IdentityFile));
        Assert.All(targets, t => Assert.Equal("/srv/repo/.artifacts/lab/ssh/known_hosts", t.KnownHostsFile));
        Assert.Equal("ktrdr", targets.Single(t => t.Name == "gpu").User);
    }
}
