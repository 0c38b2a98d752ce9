using Ktrdr.Deploy.Remote.HostKeys;
using Polly;
using Polly.Retry;
using Renci.SshNet;
using Renci.SshNet.Common;

namespace Ktrdr.Deploy.Remote.Ssh;

/// <summary>
/// Opens verified, authenticated SSH.NET clients for one target: checks the identity and known_hosts files first,
/// retries transient failures (never authentication or host key failures), and turns every failure into a
/// <see cref="RemoteException"/> that says what to check.
/// </summary>
internal sealed class SshConnector : IDisposable
{
    private static readonly ResiliencePipeline Retry = new ResiliencePipelineBuilder()
        .AddRetry(new RetryStrategyOptions
        {
            MaxRetryAttempts = ConnectFailure.Attempts - 1,
            Delay = TimeSpan.FromMilliseconds(250),
            BackoffType = DelayBackoffType.Exponential,
            ShouldHandle = new PredicateBuilder().Handle<Exception>(ConnectFailure.IsTransient),
        })
        .Build();

    private readonly SshTarget _target;
    private readonly KnownHosts _knownHosts;
    private readonly PrivateKeyFile _key;

    public SshConnector(SshTarget target)
    {
        _target = target;
        _knownHosts = KnownHosts.Load(target.KnownHostsFile);
        _key = LoadKey(target);
    }

    public async Task<T> ConnectAsync<T>(Func<ConnectionInfo, T> create, CancellationToken ct)
        where T : BaseClient
    {
        try
        {
            return await Retry.ExecuteAsync(async token => await AttemptAsync(create, token), ct);
        }
        catch (Exception failure) when (failure is not RemoteException && !ct.IsCancellationRequested)
        {
            throw new RemoteException(ConnectFailure.Describe(_target, failure), failure);
        }
    }

    public void Dispose() => _key.Dispose();

    private async Task<T> AttemptAsync<T>(Func<ConnectionInfo, T> create, CancellationToken ct)
        where T : BaseClient
    {
        var client = create(NewConnectionInfo());
        var guard = new HostKeyGuard(_target, _knownHosts);
        client.HostKeyReceived += guard.OnHostKeyReceived;
        try
        {
            client.KeepAliveInterval = TimeSpan.FromSeconds(30);
            await client.ConnectAsync(ct);
            return client;
        }
        catch (Exception) when (guard.Rejection is { } rejection)
        {
            client.Dispose();
            throw rejection;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    private ConnectionInfo NewConnectionInfo()
    {
        var info = new ConnectionInfo(_target.Host, _target.Port, _target.User, new PrivateKeyAuthenticationMethod(_target.User, _key))
        {
            Timeout = _target.ConnectTimeout,
        };
        var knownTypes = _knownHosts.KeyTypesFor(_target.Host, _target.Port);
        foreach (var algorithm in HostKeyAlgorithmFilter.AlgorithmsToRemove(info.HostKeyAlgorithms.Keys, knownTypes))
        {
            info.HostKeyAlgorithms.Remove(algorithm);
        }

        return info;
    }

    private static PrivateKeyFile LoadKey(SshTarget target)
    {
        if (!File.Exists(target.IdentityFile))
        {
            throw new RemoteException(
                $"SSH target {target}: the identity file '{target.IdentityFile}' does not exist. " +
                "Check the path of the private key given for this node.");
        }

        try
        {
            return new PrivateKeyFile(target.IdentityFile);
        }
        catch (Exception failure) when (failure is SshException or IOException or UnauthorizedAccessException or ArgumentException)
        {
            throw new RemoteException(
                $"SSH target {target}: the identity file '{target.IdentityFile}' could not be read as a private key ({failure.Message}). " +
                "It must be an unencrypted OpenSSH or PEM private key readable by this user.", failure);
        }
    }
}
