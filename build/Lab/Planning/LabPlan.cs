using Ktrdr.Deploy.Topology;

namespace Ktrdr.Deploy.Lab.Planning;

/// <summary>
/// Everything a lab is, decided before anything runs: names derived from the id, addresses from the subnet
/// (registry .2, dns .3, the alert sink .4 when the topology sends alerts to a webhook, nodes from .10 in topology order),
/// the label on every resource.
/// </summary>
internal sealed record LabPlan(string Id, Ipv4Subnet Subnet, int RegistryPort, LabPaths Paths, string Domain,
    string RegistryDnsName, IReadOnlyList<LabNode> Nodes, LabAlertSink? AlertSink = null)
{
    public const string LabelKey = "ktrdr.lab";
    public const int RegistryContainerPort = 5000;
    public const int FirstNodeHost = 10;

    public string Prefix => $"ktrdr-lab-{Id}";
    public string Label => $"{LabelKey}={Id}";
    public string Network => $"{Prefix}-net";
    public string RegistryContainer => $"{Prefix}-registry";
    public string RegistryVolume => $"{Prefix}-registry-data";
    public string DnsContainer => $"{Prefix}-dns";
    public string DnsName => $"dns.{Domain}";
    public string Gateway => Subnet.Address(1);
    public string RegistryIp => Subnet.Address(2);
    public string DnsIp => Subnet.Address(3);
    public string AlertSinkContainer => $"{Prefix}-alert-sink";
    public string AlertSinkIp => Subnet.Address(4);

    /// <summary>What nodes pull from: <c>registry.ktrdr.lab:5000</c> (insecure, on the lab network).</summary>
    public string RegistryPullHost => $"{RegistryDnsName}:{RegistryContainerPort}";

    /// <summary>What this machine pushes to: loopback, which Docker trusts without TLS.</summary>
    public string RegistryPushHost => $"127.0.0.1:{RegistryPort}";

    public IEnumerable<string> Containers =>
        [RegistryContainer, DnsContainer, .. AlertSink is null ? Array.Empty<string>() : [AlertSinkContainer], .. Nodes.Select(n => n.Container)];
    public IEnumerable<string> Volumes => [RegistryVolume, .. Nodes.Select(n => n.DockerVolume)];

    /// <summary>Every lab name and its address: nodes, then the registry, then the alert sink.</summary>
    public IReadOnlyList<(string Name, string Ip)> HostEntries =>
        [.. Nodes.Select(n => (n.DnsName, n.Ip)), (RegistryDnsName, RegistryIp), .. AlertSink is null ? [] : new[] { (AlertSink.DnsName, AlertSinkIp) }];

    public LabNode Node(string name) =>
        Nodes.FirstOrDefault(n => n.Name == name) ?? throw new LabException($"the lab has no node '{name}' (it has {string.Join(", ", Nodes.Select(n => n.Name))})");

    /// <summary>The plan for a lab topology (its nodes, domain and registry pull address).</summary>
    public static LabPlan Create(string id, Ipv4Subnet subnet, int registryPort, LabPaths paths, EnvironmentTopology topology)
    {
        var pull = topology.Registry.PullHost.Split(':');
        if (pull.Length != 2 || pull[1] != RegistryContainerPort.ToString(System.Globalization.CultureInfo.InvariantCulture))
            throw new LabException($"{topology.SourceFile}: registry.pull_url: the lab registry listens on port {RegistryContainerPort}, " +
                                   $"so expected a host like registry.{topology.Domain}:{RegistryContainerPort}/ktrdr, found \"{topology.Registry.PullUrl}\"");
        if (FirstNodeHost + topology.Nodes.Count - 1 > SubnetChooser.HighestHost)
            throw new LabException($"{topology.SourceFile}: the lab has addresses for {SubnetChooser.HighestHost - FirstNodeHost + 1} nodes, the topology names {topology.Nodes.Count}");
        var prefix = $"ktrdr-lab-{id}";
        var nodes = topology.Nodes.Select((n, i) => new LabNode(n.Name, n.Host, subnet.Address(FirstNodeHost + i), n.Ssh.User,
            $"{prefix}-{n.Name}", $"{prefix}-{n.Name}-docker")).ToList();
        return new LabPlan(id, subnet, registryPort, paths, topology.Domain, pull[0], nodes, LabAlertSink.For(topology, paths));
    }
}
