namespace Ktrdr.Deploy.Lab.Planning;

/// <summary>
/// The docker command lines that create the lab, as data. A node gets exactly what works on this kind of kernel
/// (see /work/shared/lab.md): two capabilities, no seccomp/apparmor profile, the cgroup tree and a named volume
/// for its own Docker daemon. Never <c>--privileged</c>: it fails here with "unable to apply caps".
/// </summary>
internal static class DockerArgs
{
    /// <summary>Where the lab's read-only files appear inside its containers.</summary>
    public const string MountPoint = "/etc/ktrdr-lab";
    public const string SharedMountPoint = "/mnt/ktrdr_data";

    public static IReadOnlyList<string> CreateNetwork(LabPlan plan) =>
        ["network", "create", "--driver", "bridge", "--subnet", plan.Subnet.ToString(), "--gateway", plan.Gateway, "--label", plan.Label, plan.Network];

    public static IReadOnlyList<string> CreateVolume(LabPlan plan, string volume) => ["volume", "create", "--label", plan.Label, volume];

    public static IReadOnlyList<string> RunNode(LabPlan plan, LabNode node, string image) =>
    [
        .. Run(plan, node.Container, node.Ip, node.DnsName),
        "--init",
        // SYS_PTRACE: without it `docker exec` into the node's own containers fails (runc: "error executing setns
        // process"), and with it every compose healthcheck, which Docker runs through exec
        "--cap-add", "SYS_ADMIN", "--cap-add", "NET_ADMIN", "--cap-add", "SYS_PTRACE",
        "--security-opt", "seccomp=unconfined", "--security-opt", "apparmor=unconfined",
        "-v", "/sys/fs/cgroup:/sys/fs/cgroup:rw",
        "-v", $"{node.DockerVolume}:/var/lib/docker",
        "-v", $"{plan.Paths.Shared}:{SharedMountPoint}",
        "-v", $"{plan.Paths.Mounts}:{MountPoint}:ro",
        "-e", $"KTRDR_LAB_DNS={plan.DnsIp}",
        "-e", $"KTRDR_LAB_REGISTRY={plan.RegistryPullHost}",
        image,
    ];

    public static IReadOnlyList<string> RunRegistry(LabPlan plan, string image) =>
    [
        .. Run(plan, plan.RegistryContainer, plan.RegistryIp, plan.RegistryDnsName),
        "-p", $"127.0.0.1:{plan.RegistryPort}:{LabPlan.RegistryContainerPort}",
        "-v", $"{plan.RegistryVolume}:/var/lib/docker-registry",
        image,
    ];

    public static IReadOnlyList<string> RunDns(LabPlan plan, string image) =>
    [
        .. Run(plan, plan.DnsContainer, plan.DnsIp, plan.DnsName),
        "-v", $"{plan.Paths.Mounts}:{MountPoint}:ro",
        image,
        $"--listen-address={plan.DnsIp}", $"--local=/{plan.Domain}/",
    ];

    /// <summary>
    /// The alert sink: the receiver's secret file bind-mounted read-only (never copied, never in argv or environment),
    /// and the port and path of the topology's receiver URL. --init: python as PID 1 would ignore docker stop's SIGTERM.
    /// </summary>
    public static IReadOnlyList<string> RunAlertSink(LabPlan plan, LabAlertSink sink, string image) =>
    [
        .. Run(plan, plan.AlertSinkContainer, plan.AlertSinkIp, sink.DnsName),
        "--init",
        "-v", $"{sink.SecretFile}:{LabAlertSink.SecretMount}:ro",
        image,
        "--port", sink.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--path", sink.UrlPath, "--secret-file", LabAlertSink.SecretMount,
    ];

    public static IReadOnlyList<string> Build(string tag, string folder, string baseImage) =>
        ["build", "--tag", tag, "--build-arg", $"BASE_IMAGE={baseImage}", "--label", "ktrdr.lab.image=true", folder];

    /// <summary>Lists a kind of resource (container, network, volume) carrying this lab's label, one name a line.</summary>
    public static IReadOnlyList<string> ListLabelled(string kind, string label) => kind switch
    {
        "container" => ["ps", "--all", "--filter", $"label={label}", "--format", "{{.Names}}"],
        "network" or "volume" => [kind, "ls", "--filter", $"label={label}", "--format", "{{.Name}}"],
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "expected container, network or volume"),
    };

    public static IReadOnlyList<string> Remove(string kind, IReadOnlyList<string> names) => kind switch
    {
        "container" => ["rm", "--force", "--volumes", .. names],
        "network" or "volume" => [kind, "rm", .. names],
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "expected container, network or volume"),
    };

    private static IReadOnlyList<string> Run(LabPlan plan, string name, string ip, string hostname) =>
    [
        "run", "--detach", "--name", name, "--label", plan.Label,
        "--network", plan.Network, "--ip", ip, "--hostname", hostname,
        .. plan.HostEntries.SelectMany(e => new[] { "--add-host", $"{e.Name}:{e.Ip}" }),
    ];
}
