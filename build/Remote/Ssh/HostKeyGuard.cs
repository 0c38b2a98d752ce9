using Ktrdr.Deploy.Remote.HostKeys;
using Renci.SshNet.Common;

namespace Ktrdr.Deploy.Remote.Ssh;

/// <summary>Answers SSH.NET's HostKeyReceived event from the known_hosts file; remembers why a key was refused.</summary>
internal sealed class HostKeyGuard(SshTarget target, KnownHosts knownHosts)
{
    public HostKeyRejectedException? Rejection { get; private set; }

    public void OnHostKeyReceived(object? sender, HostKeyEventArgs e)
    {
        var verdict = knownHosts.Verify(target.Host, target.Port, e.HostKey);
        e.CanTrust = verdict.Status == HostKeyStatus.Trusted;
        var fingerprint = SshFingerprint.Sha256(e.HostKey);
        var keyType = SshFingerprint.KeyType(e.HostKey) ?? e.HostKeyName;
        Rejection = verdict.Status switch
        {
            HostKeyStatus.Unknown => new HostKeyRejectedException(HostKeyMessages.Unknown(target, knownHosts, keyType, fingerprint)),
            HostKeyStatus.Changed => new HostKeyRejectedException(HostKeyMessages.Changed(target, knownHosts, verdict.Expected!, fingerprint)),
            _ => null,
        };
    }
}
