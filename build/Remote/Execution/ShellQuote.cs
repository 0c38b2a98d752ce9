namespace Ktrdr.Deploy.Remote.Execution;

/// <summary>Quotes a string as one POSIX sh word.</summary>
public static class ShellQuote
{
    public static string Quote(string value) => "'" + value.Replace("'", "'\\''") + "'";
}
