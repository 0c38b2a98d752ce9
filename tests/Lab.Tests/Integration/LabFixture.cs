using System.Security.Cryptography;
using Ktrdr.Deploy.Lab.Docker;
using Ktrdr.Deploy.Lab.Down;
using Ktrdr.Deploy.Lab.Planning;
using Ktrdr.Deploy.Lab.State;
using Ktrdr.Deploy.Lab.Tests.Support;
using Ktrdr.Deploy.Lab.Up;
using Ktrdr.Deploy.Remote;
using Ktrdr.Deploy.Remote.Ssh;
using TestSupport;
using Ktrdr.Deploy.DockerClient;

namespace Ktrdr.Deploy.Lab.Tests.Integration;

/// <summary>
/// ONE real lab for the whole collection, with its own id (t + 6 random hex), subnet and port chosen by the lab itself,
/// its files under .artifacts/lab-tests/&lt;id&gt;. Brought up with LabLauncher (the first run builds the images) and
/// taken down with LabTeardown at the end, whatever happened.
/// </summary>
public sealed class LabFixture : IAsyncLifetime
{
    private readonly SemaphoreSlim _pushGate = new(1, 1);
    private string? _pushed;

    public string Id { get; } = "t" + RandomNumberGenerator.GetHexString(6, lowercase: true);
    public string Root { get; }
    public LabRequest Request { get; }
    public LabUpReport Up { get; private set; } = null!;
    public LabState State => Up.State;
    internal LabPaths Paths => LabPaths.For(Root);
    internal LabPlan Plan => LabPlan.Create(Id, Ipv4Subnet.Parse(State.Subnet), State.RegistryHostPort, Paths, LabSamples.Topology);
    public DockerCli Docker => new(State.DockerHost);
    public string RegistryToken => File.ReadAllText(Path.Combine(Paths.SecretsDirectory, "GHCR_TOKEN")).Trim();

    public LabFixture()
    {
        Root = Path.Combine(RepoFiles.Root, ".artifacts", "lab-tests", Id);
        Request = new LabRequest(Root, LabSamples.Dockerfiles, LabSamples.Topology, Id);
    }

    public async Task InitializeAsync()
    {
        RequirePrerequisites();
        Directory.CreateDirectory(Root);
        try
        {
            Up = await LabLauncher.UpAsync(Request, CancellationToken.None);
        }
        catch
        {
            await DisposeAsync();
            throw;
        }
    }

    public async Task DisposeAsync()
    {
        await LabTeardown.DownAsync(Root, Id, CancellationToken.None);
        if (Directory.Exists(Root)) Directory.Delete(Root, recursive: true);
        var parent = Path.GetDirectoryName(Root)!;
        if (Directory.Exists(parent) && !Directory.EnumerateFileSystemEntries(parent).Any()) Directory.Delete(parent);
    }

    private static void RequirePrerequisites()
    {
        var missing = new[] { "/usr/sbin/dockerd", "/usr/sbin/debootstrap", "/usr/bin/ssh-keygen" }.Where(f => !File.Exists(f)).ToList();
        if (missing.Count > 0)
            throw new InvalidOperationException($"the lab tests need {string.Join(", ", missing)}: run `./build.sh LabUp` once (it installs them) " +
                                                "or `apt-get install -y --no-install-recommends docker.io docker-compose debootstrap openssh-client`.");
        if (Environment.UserName != "root")
            throw new InvalidOperationException("the lab tests start Docker daemons and containers, so they must run as root.");
    }

    /// <summary>An SSH connection to the node as its topology user, host key checked against the lab's known_hosts.</summary>
    public async Task<ICommandExecutor> ConnectAsync(string nodeName)
    {
        var node = Plan.Node(nodeName);
        return await SshExecutor.ConnectAsync(new SshTarget(node.Name, node.Ip, 22, node.SshUser, Paths.PrivateKey, Paths.KnownHosts), CancellationToken.None);
    }

    public static async Task<string> RunAsync(ICommandExecutor node, string script, IReadOnlyDictionary<string, string>? secrets = null)
    {
        var result = await node.RunAsync(new RemoteCommand(script, script) { SecretEnvironment = secrets ?? new Dictionary<string, string>() }, CancellationToken.None);
        Assert.True(result.Succeeded, $"{node.Target}: '{script}' exited {result.ExitCode}: {result.StandardError}{result.StandardOutput}");
        return result.StandardOutput.Trim();
    }

    /// <summary>
    /// Once per lab: the base image tagged into the lab registry and pushed from this machine over loopback after a
    /// real <c>docker login --password-stdin</c> (with a throw-away client config). Returns the path under the registry.
    /// </summary>
    public async Task<string> PushTestImageAsync()
    {
        await _pushGate.WaitAsync();
        try
        {
            if (_pushed is not null) return _pushed;
            var path = $"ktrdr/lab-test:{Id}";
            var local = $"{State.RegistryPushHost}/{path}";
            using var config = new ScratchDirectory();
            await Docker.RunAsync(["tag", BaseImage.Reference, local], CancellationToken.None);
            await Docker.RunAsync(["--config", config.Path, "login", State.RegistryPushHost, "--username", "ktrdr", "--password-stdin"], CancellationToken.None, RegistryToken);
            await Docker.RunAsync(["--config", config.Path, "push", local], CancellationToken.None);
            await Docker.RunAsync(["rmi", local], CancellationToken.None);
            return _pushed = path;
        }
        finally
        {
            _pushGate.Release();
        }
    }

    /// <summary>Logs the node's Docker in to the lab registry (token on standard input) and pulls the test image.</summary>
    public async Task<string> PullOnNodeAsync(ICommandExecutor node)
    {
        var image = $"{Plan.RegistryPullHost}/{await PushTestImageAsync()}";
        await RunAsync(node,
            $"printf '%s' \"$REGISTRY_TOKEN\" | docker login --username ktrdr --password-stdin {Plan.RegistryPullHost} >/dev/null && docker pull --quiet {image}",
            new Dictionary<string, string> { ["REGISTRY_TOKEN"] = RegistryToken });
        return image;
    }
}

[CollectionDefinition(Name)]
public sealed class LabCollection : ICollectionFixture<LabFixture>
{
    public const string Name = "lab";
}
