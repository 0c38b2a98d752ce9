namespace BuildEngine;

/// <summary>
/// GitHub Actions workflow commands: a log group per target and an error annotation per failure.
/// Writes nothing unless the run is under GitHub Actions (<c>GITHUB_ACTIONS=true</c>).
/// </summary>
public sealed class GitHubActions(TextWriter output, bool active)
{
    public bool IsActive => active;

    public static bool Detect(IDictionary<string, string> environment) =>
        environment.TryGetValue("GITHUB_ACTIONS", out var value) && value.Equals("true", StringComparison.OrdinalIgnoreCase);

    public void StartGroup(string name) => Command($"::group::{EscapeData(name)}");

    public void EndGroup() => Command("::endgroup::");

    public void Error(string title, string message) =>
        Command($"::error title={EscapeProperty(title)}::{EscapeData(message)}");

    private void Command(string line)
    {
        if (!active)
            return;
        output.WriteLine(line);
        output.Flush();
    }

    // The escaping GitHub's runner expects (actions/toolkit, command.ts).
    public static string EscapeData(string text) =>
        text.Replace("%", "%25").Replace("\r", "%0D").Replace("\n", "%0A");

    public static string EscapeProperty(string text) =>
        EscapeData(text).Replace(":", "%3A").Replace(",", "%2C");
}
