using System.Security.Cryptography;

namespace Ktrdr.Deploy.Lab.Secrets;

/// <summary>
/// Values for the lab's secrets, from the operating system's random generator. User names are plain identifiers
/// (<c>ktrdr</c>) as PostgreSQL and htpasswd expect; every other secret is random letters and digits, so it needs
/// no quoting in a .env file or a connection string. JWT_SECRET gets 64 characters (KTRDR wants at least 32).
/// </summary>
public static class SecretValues
{
    public const string UserName = "ktrdr";
    public const int Length = 32;
    public const int JwtLength = 64;
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    public static string Generate(string name) => name switch
    {
        _ when name.EndsWith("_USER", StringComparison.Ordinal) => UserName,
        "JWT_SECRET" => RandomNumberGenerator.GetString(Alphabet, JwtLength),
        _ => RandomNumberGenerator.GetString(Alphabet, Length),
    };
}
