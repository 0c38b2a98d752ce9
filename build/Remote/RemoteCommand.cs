namespace Ktrdr.Deploy.Remote;

/// <summary>
/// What to run on a target, as data. <see cref="Script"/> is a POSIX sh script run by <c>sh -c</c>;
/// it travels in the command line, so it must never contain a secret: secrets go in
/// <see cref="SecretEnvironment"/>, whose values only ever travel over the command's standard input.
/// </summary>
public sealed record RemoteCommand(string Script, string Description)
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(10);

    /// <summary>Environment variables for the script whose values are secret: never in argv, logs or files.</summary>
    public IReadOnlyDictionary<string, string> SecretEnvironment { get; init; } = new Dictionary<string, string>();

    /// <summary>Text given to the script on its standard input, after the secrets have been read.</summary>
    public string? StandardInput { get; init; }

    public TimeSpan Timeout { get; init; } = DefaultTimeout;

    /// <summary>Run as root: through <c>sudo -n</c> when the executor's user is not root.</summary>
    public bool Sudo { get; init; }
}
