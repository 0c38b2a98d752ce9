using System.Text;
using CliWrap;
using Ktrdr.Deploy.Remote.Execution;
using Ktrdr.Deploy.Remote.Files;

namespace Ktrdr.Deploy.Remote.Local;

/// <summary>
/// Runs commands on this machine with the same contract as <see cref="Ssh.SshExecutor"/>: the same wrapper
/// (secrets on standard input), run by <c>/bin/sh -c</c> as sshd would run it with the user's shell.
/// </summary>
public sealed class LocalExecutor : ICommandExecutor
{
    private readonly FileOperations _files;
    private readonly string _user = Environment.UserName;

    public LocalExecutor(string target = "local")
    {
        Target = target;
        _files = new FileOperations($"'{target}' (this machine)", RunAsync);
    }

    public string Target { get; }

    public Task<CommandResult> RunAsync(RemoteCommand command, CancellationToken ct) =>
        ExecutionPolicy.RunAsync($"'{Target}' (this machine)", _user, command, RunProcessAsync, ct);

    public Task UploadDirectoryAsync(string localDirectory, string remoteDirectory, CancellationToken ct, bool elevate = false) =>
        _files.UploadDirectoryAsync(localDirectory, remoteDirectory, new LocalStager(), ct, elevate);

    public Task<string?> ReadFileAsync(string remotePath, CancellationToken ct) => _files.ReadFileAsync(remotePath, ct);

    public Task WriteFileAsync(string remotePath, string content, int mode, CancellationToken ct) =>
        _files.WriteFileAsync(remotePath, content, mode, ct);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static async Task<ProcessOutput> RunProcessAsync(WrappedCommand command, CancellationToken ct)
    {
        var output = new StringBuilder();
        var error = new StringBuilder();
        var result = await Cli.Wrap("/bin/sh")
            .WithArguments(["-c", command.CommandLine])
            .WithStandardInputPipe(PipeSource.FromBytes(command.StandardInput))
            .WithStandardOutputPipe(PipeTarget.ToStringBuilder(output, Encoding.UTF8))
            .WithStandardErrorPipe(PipeTarget.ToStringBuilder(error, Encoding.UTF8))
            .WithValidation(CommandResultValidation.None)
            .ExecuteAsync(ct);
        return new ProcessOutput(result.ExitCode, output.ToString(), error.ToString());
    }
}
