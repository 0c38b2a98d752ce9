using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Ktrdr.Deploy.Remote.HostKeys;

/// <summary>Facts about a public key in SSH wire format (the base64 blob of a known_hosts line).</summary>
public static class SshFingerprint
{
    /// <summary>OpenSSH style: <c>SHA256:</c> + base64 without padding, as <c>ssh-keygen -lf</c> prints it.</summary>
    public static string Sha256(byte[] keyBlob) => "SHA256:" + Convert.ToBase64String(SHA256.HashData(keyBlob)).TrimEnd('=');

    /// <summary>The key type written inside the blob, e.g. <c>ssh-ed25519</c>; null when the blob is not a key.</summary>
    public static string? KeyType(byte[] keyBlob)
    {
        if (keyBlob.Length < 4)
        {
            return null;
        }

        var length = BinaryPrimitives.ReadUInt32BigEndian(keyBlob);
        return length is > 0 and < 64 && length <= keyBlob.Length - 4
            ? Encoding.ASCII.GetString(keyBlob, 4, (int)length)
            : null;
    }
}
