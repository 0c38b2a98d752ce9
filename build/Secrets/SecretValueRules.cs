namespace Ktrdr.Deploy.Secrets;

/// <summary>Rules every fetched value must pass. Pure; a problem never quotes the value nor gives its length.</summary>
public static class SecretValueRules
{
    public const string JwtSecretName = "JWT_SECRET";
    public const int MinimumJwtSecretLength = 32;

    /// <summary>The failure for <paramref name="value"/>, or null when it is acceptable.</summary>
    public static SecretFailure? Check(string name, string reference, string value)
    {
        if (string.IsNullOrWhiteSpace(value))
            return new SecretFailure(name, reference, "the value is empty",
                $"store a non-empty value at {reference}");
        if (name == JwtSecretName && value.Length < MinimumJwtSecretLength)
            return new SecretFailure(name, reference, $"{JwtSecretName} is shorter than {MinimumJwtSecretLength} characters",
                $"store a longer random value at {reference} (for example the output of: openssl rand -hex 32)");
        return null;
    }
}
