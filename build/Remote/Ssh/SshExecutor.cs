using Ktrdr.Deploy.Remote.Execution;
using Ktrdr.Deploy.Remote.Files;
using Renci.SshNet;
using Renci.SshNet.Common;

namespace Ktrdr.Deploy.Remote.Ssh;

/// <summary>
/// Runs commands on one node over a single SSH connection opened once and reused for every command; files travel
/// over one SFTP session, opened on first use and reused too.
/// </summary>
public sealed class SshExecutor : ICommandExecutor
{
    private readonly SshTarget _target;
    private readonly SshConnector _connector;
    private readonly SshClient _ssh;
    private readonly FileOperations _files;
    private readonly SemaphoreSlim _sftpGate = new(1, 1);
    private SftpClient? _sftp;

    private SshExecutor(SshTarget target, SshConnector connector, SshClient ssh)
    {
        _target = target;
        _connector = connector;
        _ssh = ssh;
        _files = new FileOperations(target.ToString(), RunAsync);
    }

    public string Target => _target.Name;

    /// <summary>Connects (host key checked against the target's known_hosts file) or throws <see cref="RemoteException"/>.</summary>
    public static async Task<SshExecutor> ConnectAsync(SshTarget target, CancellationToken ct)
    {
        var connector = new SshConnector(target);
        try
        {
            var ssh = await connector.ConnectAsync(info => new SshClient(info), ct);
            return new SshExecutor(target, connector, ssh);
        }
        catch
        {
            connector.Dispose();
            throw;
        }
    }

    public Task<CommandResult> RunAsync(RemoteCommand command, CancellationToken ct) =>
        ExecutionPolicy.RunAsync(_target.ToString(), _target.User, command, (wrapped, token) => RunOnChannelAsync(command, wrapped, token), ct);

    public async Task UploadDirectoryAsync(string localDirectory, string remoteDirectory, CancellationToken ct, bool elevate = false) =>
        await _files.UploadDirectoryAsync(localDirectory, remoteDirectory, new SftpStager(await SftpAsync(ct)), ct, elevate);

    public Task<string?> ReadFileAsync(string remotePath, CancellationToken ct) => _files.ReadFileAsync(remotePath, ct);

    public Task WriteFileAsync(string remotePath, string content, int mode, CancellationToken ct) =>
        _files.WriteFileAsync(remotePath, content, mode, ct);

    public ValueTask DisposeAsync()
    {
        _sftp?.Dispose();
        _ssh.Dispose();
        _connector.Dispose();
        _sftpGate.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task<ProcessOutput> RunOnChannelAsync(RemoteCommand command, WrappedCommand wrapped, CancellationToken ct)
    {
        try
        {
            using var channel = _ssh.CreateCommand(wrapped.CommandLine);
            var execution = channel.ExecuteAsync(ct);
            await SendInputAsync(channel, wrapped.StandardInput, ct);
            await execution;
            var signal = channel.ExitSignal is { } name ? $"{Environment.NewLine}[terminated by signal {name}]" : "";
            return new ProcessOutput(channel.ExitStatus ?? -1, channel.Result, channel.Error + signal);
        }
        catch (SshException failure)
        {
            throw new RemoteException(
                $"SSH target {_target}: the connection failed while running '{command.Description}': {failure.Message} " +
                "Check that the host is still up; the command may or may not have run.", failure);
        }
    }

    private static async Task SendInputAsync(SshCommand channel, byte[] input, CancellationToken ct)
    {
        try
        {
            await using var stream = channel.CreateInputStream();
            await stream.WriteAsync(input, ct);
        }
        catch (Exception failure) when (failure is IOException or ObjectDisposedException or SshException or InvalidOperationException)
        {
            // The command ended without reading all of its input; its exit status tells what happened.
        }
    }

    private async Task<SftpClient> SftpAsync(CancellationToken ct)
    {
        await _sftpGate.WaitAsync(ct);
        try
        {
            return _sftp ??= await _connector.ConnectAsync(info => new SftpClient(info), ct);
        }
        finally
        {
            _sftpGate.Release();
        }
    }
}
