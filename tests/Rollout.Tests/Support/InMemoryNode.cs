using Ktrdr.Deploy.Remote;
using Ktrdr.Deploy.Rollout.Deploy;
using Ktrdr.Deploy.Rollout.Orchestration;
using Ktrdr.Deploy.Secrets;
using Ktrdr.Deploy.Topology;

namespace Rollout.Tests.Support;

/// <summary>
/// A node held in memory: files in a dictionary, commands answered by the first rule whose script fragment matches
/// (else exit 0 with no output), every command recorded. Decisions of the orchestration run against it in milliseconds.
/// </summary>
internal sealed class InMemoryNode(string target) : ICommandExecutor
{
    private readonly List<(string Fragment, Func<RemoteCommand, CommandResult> Answer)> _rules = [];

    public string Target => target;
    public Dictionary<string, string> Files { get; } = new(StringComparer.Ordinal);
    public List<RemoteCommand> Ran { get; } = [];

    public InMemoryNode On(string scriptFragment, Func<RemoteCommand, CommandResult> answer)
    {
        _rules.Add((scriptFragment, answer));
        return this;
    }

    public InMemoryNode On(string scriptFragment, string output, int exitCode = 0) =>
        On(scriptFragment, _ => new CommandResult(exitCode, output, exitCode == 0 ? "" : output, TimeSpan.Zero));

    /// <summary>
    /// What the node-facts read (one round trip: files, stamp, manifest, containers) prints when no rule answers it;
    /// by default a node without its deploy directory and without containers.
    /// </summary>
    public string Facts { get; set; } = "@@nodir\n@@containers\n@@images\n@@end\n";

    /// <summary>The node holds exactly <paramref name="bundleDirectory"/>'s files plus <paramref name="stamp"/> at <paramref name="stampFile"/>, no container.</summary>
    public void Holds(string bundleDirectory, string stampFile, string stamp)
    {
        static string Sha(byte[] bytes) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes));
        var files = Directory.GetFiles(bundleDirectory, "*", SearchOption.AllDirectories)
            .Select(f => $"{Sha(File.ReadAllBytes(f))}  ./{Path.GetRelativePath(bundleDirectory, f).Replace('\\', '/')}")
            .Append($"{Sha(System.Text.Encoding.UTF8.GetBytes(stamp))}  ./{stampFile}");
        var manifest = File.ReadAllBytes(Path.Combine(bundleDirectory, "manifest.json"));
        Facts = $"@@files\n{string.Join('\n', files)}\n@@stamp\n{Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(stamp))}\n" +
                $"@@manifest\n{Convert.ToBase64String(manifest)}\n@@texts\n@@hashes\n@@containers\n@@images\n@@end\n";
    }

    public bool RanScript(string fragment) => Ran.Any(c => c.Script.Contains(fragment, StringComparison.Ordinal));

    public Task<CommandResult> RunAsync(RemoteCommand command, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        Ran.Add(command);
        var rule = _rules.FirstOrDefault(r => command.Script.Contains(r.Fragment, StringComparison.Ordinal));
        if (rule.Answer is null && command.Script.Contains("echo @@files", StringComparison.Ordinal))
            return Task.FromResult(new CommandResult(0, Facts, "", TimeSpan.Zero));
        return Task.FromResult(rule.Answer?.Invoke(command) ?? new CommandResult(0, "", "", TimeSpan.Zero));
    }

    /// <summary>Whether an upload is taken (recorded in <see cref="Uploads"/>); by default it is refused, so a test notices one it does not expect.</summary>
    public bool TakesUploads { get; set; }

    public List<string> Uploads { get; } = [];

    public Task UploadDirectoryAsync(string localDirectory, string remoteDirectory, CancellationToken ct, bool elevate = false)
    {
        if (!TakesUploads) throw new InvalidOperationException("this in-memory node takes no upload");
        Uploads.Add(remoteDirectory);
        return Task.CompletedTask;
    }

    public Task<string?> ReadFileAsync(string remotePath, CancellationToken ct) => Task.FromResult(Files.GetValueOrDefault(remotePath));

    public Task WriteFileAsync(string remotePath, string content, int mode, CancellationToken ct)
    {
        Files[remotePath] = content;
        return Task.CompletedTask;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}

/// <summary>Nodes by name, each an <see cref="InMemoryNode"/>; a name mapped to an exception cannot be reached.</summary>
internal sealed class InMemoryConnections : INodeConnections
{
    public Dictionary<string, InMemoryNode> Nodes { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, Exception> Unreachable { get; } = new(StringComparer.Ordinal);

    public InMemoryNode Node(string name) => Nodes.TryGetValue(name, out var node) ? node : Nodes[name] = new InMemoryNode(name);

    public Task<ICommandExecutor> ConnectAsync(NodeSpec node, CancellationToken ct) =>
        Unreachable.TryGetValue(node.Name, out var failure) ? Task.FromException<ICommandExecutor>(failure) : Task.FromResult<ICommandExecutor>(Node(node.Name));
}

/// <summary>The seams a scope needs that these tests do not exercise: no secrets, images as referenced, nothing recorded outside.</summary>
internal sealed class NoOutsideWorld : ISecretSource, IImageIdentities, IDeploymentRecorder
{
    public Task<SecretSet> FetchAsync(EnvironmentTopology env, IEnumerable<string> names, CancellationToken ct) =>
        Task.FromResult(new SecretSet(names.Select(n => KeyValuePair.Create(n, "value-of-" + n))));

    public Task<IReadOnlyDictionary<string, string>> ResolveAsync(EnvironmentTopology env, NodeSpec node, NodeBundle bundle, SecretSet secrets, string tag,
        CancellationToken ct) => Task.FromResult(bundle.EnvImages);

    public Task<T> RecordAsync<T>(EnvironmentTopology env, string target, IReadOnlyList<NodeSpec> nodes, Func<Task<T>> operation, CancellationToken ct) =>
        operation();

    public static OperationScope Scope(EnvironmentTopology env, InMemoryConnections connections, string artifacts, string host = "build-host", int pid = 4242) =>
        new(env, connections, new NoOutsideWorld(), new NoOutsideWorld(), new NoOutsideWorld(), artifacts, () => "sha-7c8143b")
        {
            Operator = new OperatorIdentity("operator", host, pid),
            ProcessIsAlive = _ => true,
        };
}
