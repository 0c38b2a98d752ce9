using System.Security.Cryptography;

namespace Ktrdr.Deploy.Lab.Secrets;

/// <summary>
/// Values for the lab's secrets, from the operating system's random generator. User names are plain identifiers
/// (<c>ktrdr_3f9a2c</c>) as PostgreSQL expects, with a random part so that masking the value in logs never hides the
/// word "ktrdr" itself; every other secret is random letters and digits, so it needs no quoting in a .env file or a
/// connection string. JWT_SECRET gets 64 characters (KTRDR wants at least 32).
/// </summary>
internal static class SecretValues
{
    public const string UserPrefix = "ktrdr_";
    public const int Length = 32;
    public const int JwtLength = 64;
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    public static string Generate(string name) => name switch
    {
        _ when name.EndsWith("_USER", StringComparison.Ordinal) => UserPrefix + RandomNumberGenerator.GetHexString(6, lowercase: true),
        "JWT_SECRET" => RandomNumberGenerator.GetString(Alphabet, JwtLength),
        _ => RandomNumberGenerator.GetString(Alphabet, Length),
    };
}
