namespace Ktrdr.Deploy.Topology.AppEnvironment;

/// <summary>One variable the application reads (a row of deploy/app/ktrdr-env.tsv).</summary>
/// <param name="Name">The name the application reads.</param>
/// <param name="OlderName">A deprecated name still read with a warning at every start, or null.</param>
/// <param name="Default">The value used when unset, as the source writes it (strings in quotes).</param>
/// <param name="ReadBy">The settings class, <c>os.environ</c>, or <c>runtime</c> (the container runtime reads it).</param>
/// <param name="Source">file:line in the KTRDR checkout.</param>
/// <param name="SecretMinLength">Minimum length when the variable carries a secret, else null.</param>
public sealed record AppVariable(string Name, string? OlderName, string Default, string ReadBy, string Source, int? SecretMinLength)
{
    public const string DirectRead = "os.environ";
    public const string Runtime = "runtime";

    public bool IsSecret => SecretMinLength is not null;

    /// <summary>The value the application falls back to for a secret: public, so insecure.</summary>
    public string? InsecureDefault => IsSecret && DefaultValue.Length > 0 ? DefaultValue : null;

    /// <summary>The default without the source's quotes.</summary>
    public string DefaultValue => Default.Length >= 2 && Default[0] == '"' && Default[^1] == '"' ? Default[1..^1] : Default;
}
