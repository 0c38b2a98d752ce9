namespace Ktrdr.Deploy.Secrets.OnePassword;

/// <summary>
/// How <c>op</c> is run. A class, not a record: a record's generated ToString would print the token.
/// </summary>
public sealed class OnePasswordOptions
{
    /// <summary>The variable op reads its service-account token from; set only in op's own environment.</summary>
    public const string TokenVariable = "OP_SERVICE_ACCOUNT_TOKEN";

    /// <summary>Path or name (looked up on PATH) of the 1Password CLI.</summary>
    public string Executable { get; init; } = "op";

    /// <summary>Service-account token handed to op; null means "use a signed-in CLI". Defaults to the build's own variable.</summary>
    public string? ServiceAccountToken { get; init; } = Environment.GetEnvironmentVariable(TokenVariable);

    /// <summary>How long one <c>op read</c> may take (op can wait on a desktop-app prompt).</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>How many <c>op read</c> may run at once.</summary>
    public int MaxConcurrentReads { get; init; } = 4;
}
