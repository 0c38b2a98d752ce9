using Ktrdr.Deploy.Remote.HostKeys;

namespace Ktrdr.Deploy.Remote.Tests.HostKeys;

public sealed class SshFingerprintTests
{
    [Theory]
    [InlineData(SampleKeys.Ed25519, SampleKeys.Ed25519Fingerprint, "ssh-ed25519")]
    [InlineData(SampleKeys.Rsa, SampleKeys.RsaFingerprint, "ssh-rsa")]
    public void Fingerprint_and_type_match_what_ssh_keygen_prints(string key, string fingerprint, string type)
    {
        Assert.Equal(fingerprint, SshFingerprint.Sha256(SampleKeys.Blob(key)));
        Assert.Equal(type, SshFingerprint.KeyType(SampleKeys.Blob(key)));
    }

    [Theory]
    [InlineData(new byte[] { })]
    [InlineData(new byte[] { 0, 0 })]
    [InlineData(new byte[] { 0xFF, 0xFF, 0xFF, 0xFF, 1 })]
    public void A_blob_that_is_not_a_key_has_no_type(byte[] blob) => Assert.Null(SshFingerprint.KeyType(blob));
}
