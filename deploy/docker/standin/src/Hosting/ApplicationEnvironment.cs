namespace Standin.Hosting;

/// <summary>
/// KTRDR_API_ENVIRONMENT: the real application accepts only three values and stops at start-up on any
/// other, in every role. The stand-in does the same so a deploy meets the failure here first.
/// </summary>
public static class ApplicationEnvironment
{
    public const string Variable = "KTRDR_API_ENVIRONMENT";
    public static readonly IReadOnlyList<string> Allowed = ["development", "staging", "production"];

    /// <summary>The API environment; first refuses insecure default secrets under KTRDR_ENV=production (see <see cref="InsecureDefaults"/>).</summary>
    public static string Read(StandinEnvironment env)
    {
        if (InsecureDefaults.Check(env) is { } warning) Console.Error.WriteLine(warning);
        var value = env.Get(Variable);
        if (value is null)
        {
            return "development";
        }
        if (Allowed.Contains(value, StringComparer.Ordinal))
        {
            return value;
        }
        throw new StandinConfigurationException(
            $"environment variable {Variable}='{value}' is not allowed: expected one of {string.Join(", ", Allowed)}.");
    }
}
