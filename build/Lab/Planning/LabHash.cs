using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Ktrdr.Deploy.Lab.Planning;

/// <summary>Stable numbers and short hex names derived from text (SHA-256): the same input always gives the same lab.</summary>
internal static class LabHash
{
    public static uint Number(string text) => BinaryPrimitives.ReadUInt32BigEndian(Digest(text));

    public static string Hex(string text, int length) => Convert.ToHexStringLower(Digest(text))[..length];

    private static byte[] Digest(string text) => SHA256.HashData(Encoding.UTF8.GetBytes(text));
}
