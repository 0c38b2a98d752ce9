namespace Standin.Hosting;

/// <summary>
/// Like the real application at start-up (backend and workers): a secret still at its public default
/// (KTRDR_AUTH_JWT_SECRET, KTRDR_DB_PASSWORD, unset counts as default) stops the process under
/// KTRDR_ENV=production, naming each such variable and never its value; otherwise it is only a warning,
/// which KTRDR_ACKNOWLEDGE_INSECURE_DEFAULTS=true silences.
/// </summary>
public static class InsecureDefaults
{
    public const string JwtSecret = "KTRDR_AUTH_JWT_SECRET";
    public const string DbPassword = "KTRDR_DB_PASSWORD";
    public const string Switch = "KTRDR_ENV";
    public const string Acknowledge = "KTRDR_ACKNOWLEDGE_INSECURE_DEFAULTS";

    private static readonly (string Name, string Default)[] Secrets =
        [(DbPassword, "localdev"), (JwtSecret, "insecure-dev-secret")];

    /// <summary>The variables whose value is the application's public default.</summary>
    public static IReadOnlyList<string> Find(StandinEnvironment env) =>
        [.. Secrets.Where(s => (Current(env, s.Name) ?? s.Default) == s.Default).Select(s => s.Name)];

    /// <summary>Throws under KTRDR_ENV=production when a secret is at its default; returns the warning to log otherwise (or null).</summary>
    public static string? Check(StandinEnvironment env)
    {
        var insecure = Find(env);
        if (insecure.Count == 0) return null;
        if (string.Equals(env.Get(Switch), "production", StringComparison.OrdinalIgnoreCase))
            throw new StandinConfigurationException(
                "insecure defaults are not allowed in production (KTRDR_ENV=production): " +
                string.Join(", ", insecure.Select(n => $"{n} must be set explicitly, it is at its default")) + ".");
        return string.Equals(env.Get(Acknowledge), "true", StringComparison.OrdinalIgnoreCase) ? null
            : $"warning: insecure default configuration: {string.Join(", ", insecure)} at the default value (not for production).";
    }

    private static string? Current(StandinEnvironment env, string name) =>
        name == DbPassword ? env.GetFirst(DbPassword, "DB_PASSWORD") : env.Get(name);
}
