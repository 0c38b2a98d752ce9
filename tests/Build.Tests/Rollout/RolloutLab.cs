using System.Security.Cryptography;
using Ktrdr.Deploy.Remote;
using Ktrdr.Deploy.Remote.Ssh;

namespace Build.Tests.Rollout;

/// <summary>
/// ONE lab of its own (id t + 6 hex) in a throwaway root, rolled out once with the real build process exactly as README's
/// first command does; every run's output is kept for the secrets scan. LabDown at the end, whatever happened.
/// </summary>
public sealed class RolloutLab : IAsyncLifetime
{
    public const string Tag = "sha-e2e0001";

    private readonly List<BuildRun> _runs = [];

    public string Id { get; } = "t" + RandomNumberGenerator.GetHexString(6, lowercase: true);
    public BuildSandbox Sandbox { get; } = new();
    public BuildRun First { get; private set; } = null!;
    public IReadOnlyList<BuildRun> Runs { get { lock (_runs) return [.. _runs]; } }
    public string SecretsDirectory => Path.Combine(Sandbox.Root, ".artifacts", "lab", "secrets");

    public async Task InitializeAsync()
    {
        if (System.Environment.UserName != "root")
            throw new InvalidOperationException("the rollout tests start a lab (Docker daemons, containers), so they must run as root.");
        First = await RunAsync("Rollout", "--verify-timeout", "3m");
    }

    /// <summary>Runs the build in the sandbox against this lab, with the fixed tag.</summary>
    public Task<BuildRun> RunAsync(params string[] args) => RunTaggedAsync(Tag, args);

    /// <summary>Runs the build in the sandbox against this lab, with another tag.</summary>
    public Task<BuildRun> RunTaggedAsync(string tag, params string[] args) => RunBareAsync([.. args, "--tag", tag]);

    /// <summary>Runs the build in the sandbox against this lab without --tag (Rollback then goes by the audit history).</summary>
    public Task<BuildRun> RunBareAsync(params string[] args) => RunWithAsync(new Dictionary<string, string?>(), args);

    /// <summary>Runs the build in the sandbox against this lab with extra environment variables (and no --tag of its own).</summary>
    public async Task<BuildRun> RunWithAsync(IReadOnlyDictionary<string, string?> environment, params string[] args)
    {
        var run = await Sandbox.RunAsync([.. args, "--lab-id", Id], environment);
        lock (_runs) _runs.Add(run);
        return run;
    }

    /// <summary>
    /// Runs the build against this lab and sends it <paramref name="signal"/> (SIGINT as Ctrl-C does, or SIGTERM as timeout,
    /// docker stop and CI do) once <paramref name="interruptWhen"/> returns; gives what it printed until it ended. The build
    /// starts with SIGINT at its default, whatever this test process inherited (a non-interactive shell's background job
    /// starts with SIGINT ignored, and .NET never handles a SIGINT that was ignored at start).
    /// </summary>
    public async Task<string> RunInterruptedAsync(string signal, Func<Task> interruptWhen, params string[] args)
    {
        var output = new System.Text.StringBuilder();
        string[] build = ["dotnet", BuildExecutable.Dll, .. args, "--lab-id", Id, "--tag", Tag];
        // perl (Essential on Debian) resets SIGINT to its default and execs the build: same process, same pid
        var run = CliWrap.Cli.Wrap("perl").WithArguments(["-e", "$SIG{INT} = 'DEFAULT'; exec { $ARGV[0] } @ARGV or die \"exec: $!\"", .. build])
            .WithWorkingDirectory(Sandbox.Root).WithEnvironmentVariables(new Dictionary<string, string?> { ["GITHUB_ACTIONS"] = "" })
            .WithStandardOutputPipe(CliWrap.PipeTarget.ToStringBuilder(output)).WithStandardErrorPipe(CliWrap.PipeTarget.ToStringBuilder(output))
            .WithValidation(CliWrap.CommandResultValidation.None)
            .ExecuteAsync();
        await interruptWhen();
        await CliWrap.Buffered.BufferedCommandExtensions.ExecuteBufferedAsync(
            CliWrap.Cli.Wrap("kill").WithArguments(["-s", signal, run.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture)]));
        // a build that ignored the signal would deploy on: bounded, so the test fails instead of waiting for the deploy
        await run.Task.WaitAsync(TimeSpan.FromMinutes(2));
        return output.ToString();
    }

    /// <summary>An SSH connection to a lab node as its topology user, host key checked against the lab's known_hosts.</summary>
    public async Task<ICommandExecutor> ConnectAsync(string node, string user = "root")
    {
        var ssh = Path.Combine(Sandbox.Root, ".artifacts", "lab", "ssh");
        var ip = System.Text.Json.JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(Sandbox.Root, ".artifacts", "lab", "lab.json")))
            .RootElement.GetProperty("nodes").GetProperty(node).GetString()!;
        return await SshExecutor.ConnectAsync(new SshTarget(node, ip, 22, user, Path.Combine(ssh, "id_ed25519"), Path.Combine(ssh, "known_hosts")),
            CancellationToken.None);
    }

    /// <summary>Runs the docker client against the lab's daemon (the one its images are built on).</summary>
    public async Task<string> DockerAsync(string? input, params string[] args)
    {
        var state = System.Text.Json.JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(Sandbox.Root, ".artifacts", "lab", "lab.json"))).RootElement;
        var host = state.TryGetProperty("docker_host", out var h) ? h.GetString() : null;
        var command = CliWrap.Cli.Wrap("docker").WithArguments(args).WithValidation(CliWrap.CommandResultValidation.None)
            .WithEnvironmentVariables(new Dictionary<string, string?> { ["DOCKER_HOST"] = host, ["DOCKER_BUILDKIT"] = "0" });
        if (input is not null) command = command.WithStandardInputPipe(CliWrap.PipeSource.FromString(input));
        var result = await CliWrap.Buffered.BufferedCommandExtensions.ExecuteBufferedAsync(command);
        Assert.True(result.ExitCode == 0, $"docker {string.Join(' ', args)}: {result.StandardError}");
        return result.StandardOutput;
    }

    public static async Task<string> RequireAsync(ICommandExecutor node, string script)
    {
        var result = await node.RunAsync(new RemoteCommand(script, "test step"), CancellationToken.None);
        Assert.True(result.Succeeded, $"{script}: exit {result.ExitCode}\n{result.StandardError}");
        return result.StandardOutput;
    }

    public async Task DisposeAsync()
    {
        try { await Sandbox.RunAsync("LabDown", "--lab-id", Id); }
        finally { Sandbox.Dispose(); }
    }
}
