using Ktrdr.Deploy.Lab.Planning;

namespace Ktrdr.Deploy.Lab.Tests.Planning;

public sealed class SubnetTests
{
    private static TakenSubnet Taken(string subnet, string owner = "docker network x") => new(Ipv4Subnet.Parse(subnet), owner);

    [Fact]
    public void A_subnet_is_parsed_and_gives_host_addresses()
    {
        var subnet = Ipv4Subnet.Parse("172.20.5.0/24");
        Assert.Equal("172.20.5.0/24", subnet.ToString());
        Assert.Equal("172.20.5.13", subnet.Address(13));
        Assert.Throws<ArgumentOutOfRangeException>(() => subnet.Address(255));
    }

    [Theory]
    [InlineData("172.20.5.0", "expected an IPv4 network")]
    [InlineData("172.20.5.0/33", "expected an IPv4 network")]
    [InlineData("fd00::/64", "expected an IPv4 network")]
    [InlineData("172.20.5.7/24", "the network is 172.20.5.0/24")]
    public void A_bad_subnet_parameter_says_what_was_expected(string text, string words)
    {
        var error = Assert.Throws<LabException>(() => SubnetChooser.Parse(text));
        Assert.Contains("--lab-subnet", error.Message);
        Assert.Contains(words, error.Message);
    }

    [Theory]
    [InlineData("172.20.0.0/16", "172.20.5.0/24", true)]
    [InlineData("172.20.5.0/24", "172.20.5.128/25", true)]
    [InlineData("172.20.5.0/24", "172.20.6.0/24", false)]
    [InlineData("10.0.0.0/8", "172.20.5.0/24", false)]
    public void Overlap_is_symmetric(string a, string b, bool overlaps)
    {
        Assert.Equal(overlaps, Ipv4Subnet.Parse(a).Overlaps(Ipv4Subnet.Parse(b)));
        Assert.Equal(overlaps, Ipv4Subnet.Parse(b).Overlaps(Ipv4Subnet.Parse(a)));
    }

    [Fact]
    public void The_same_id_gets_the_same_private_24_and_another_id_another()
    {
        var first = SubnetChooser.Choose("abc123", []);
        Assert.Equal(first, SubnetChooser.Choose("abc123", []));
        Assert.NotEqual(first, SubnetChooser.Choose("t9f00d", []));
        Assert.Equal(24, first.PrefixLength);
        Assert.True(Ipv4Subnet.Parse("172.16.0.0/12").Overlaps(first) && !TakenSubnet.NodeBridge.Subnet.Overlaps(first), first.ToString());
    }

    [Fact]
    public void A_subnet_in_use_is_skipped()
    {
        var preferred = SubnetChooser.Choose("abc123", []);
        var taken = new[] { new TakenSubnet(preferred, "docker network other-lab"), Taken("172.16.0.0/13", "a route") };
        var chosen = SubnetChooser.Choose("abc123", taken);
        Assert.DoesNotContain(taken, t => t.Subnet.Overlaps(chosen));
    }

    [Fact]
    public void When_every_candidate_is_taken_the_error_says_to_pass_a_subnet()
    {
        var error = Assert.Throws<LabException>(() => SubnetChooser.Choose("abc123", [Taken("172.16.0.0/12")]));
        Assert.Contains("--lab-subnet", error.Message);
    }

    [Fact]
    public void A_given_subnet_that_is_in_use_is_refused_naming_its_user_and_a_free_one()
    {
        var wanted = Ipv4Subnet.Parse("172.26.57.0/24");
        var error = Assert.Throws<LabException>(() => SubnetChooser.Check("abc123", wanted, [Taken("172.26.0.0/16", "docker network ci-lab")]));
        Assert.Contains("172.26.0.0/16", error.Message);
        Assert.Contains("docker network ci-lab", error.Message);
        Assert.Matches(@"e\.g\. 172\.\d+\.\d+\.0/24", error.Message);
    }

    [Fact]
    public void A_given_subnet_must_hold_the_gpu_node_and_avoid_the_nodes_own_docker_bridge()
    {
        Assert.Contains("/28 or larger", Assert.Throws<LabException>(() => SubnetChooser.Check("a", Ipv4Subnet.Parse("172.20.5.0/29"), [])).Message);
        Assert.Contains("each node's own Docker", Assert.Throws<LabException>(() => SubnetChooser.Check("a", Ipv4Subnet.Parse("172.17.3.0/24"), [])).Message);
        Assert.Equal("172.20.5.0/24", SubnetChooser.Check("a", Ipv4Subnet.Parse("172.20.5.0/24"), [Taken("172.20.6.0/24")]).ToString());
    }

    [Fact]
    public void Routes_are_read_from_proc_net_route_without_the_default_route()
    {
        const string proc = """
            Iface	Destination	Gateway 	Flags	RefCnt	Use	Metric	Mask		MTU	Window	IRTT
            eth0	00000000	010200C0	0003	0	0	0	00000000	0	0	0
            eth0	000200C0	00000000	0001	0	0	0	00FFFFFF	0	0	0
            docker0	000011AC	00000000	0001	0	0	0	0000FFFF	0	0	0
            """;
        var routes = RouteTable.Parse(proc);
        Assert.Equal(["192.0.2.0/24", "172.17.0.0/16"], routes.Select(r => r.Subnet.ToString()));
        Assert.Contains("docker0", routes[1].Owner);
    }
}
