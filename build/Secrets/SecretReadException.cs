namespace Ktrdr.Deploy.Secrets;

/// <summary>
/// One secret could not be read. <see cref="Problem"/> says what is wrong, <see cref="Remedy"/> what to do;
/// neither ever contains a secret value.
/// </summary>
public sealed class SecretReadException(string problem, string remedy, Exception? inner = null)
    : Exception($"{problem}; {remedy}", inner)
{
    public string Problem { get; } = problem;
    public string Remedy { get; } = remedy;
}
