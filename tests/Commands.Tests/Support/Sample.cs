using Ktrdr.Deploy.Remote;

namespace Commands.Tests.Support;

/// <summary>Loads a recorded output from Samples/ (see Samples/README.md) as the CommandResult it came from.</summary>
internal static class Sample
{
    private const string ExitHeader = "# exit: ";

    public static CommandResult Result(string name)
    {
        var directory = Path.Combine(AppContext.BaseDirectory, "Samples");
        var lines = File.ReadAllText(Path.Combine(directory, name + ".out")).Split('\n');
        var header = lines.TakeWhile(line => line.StartsWith("# ", StringComparison.Ordinal)).ToList();
        var exit = header.Single(line => line.StartsWith(ExitHeader, StringComparison.Ordinal))[ExitHeader.Length..];
        var errorFile = Path.Combine(directory, name + ".err");
        return new CommandResult(
            int.Parse(exit),
            string.Join('\n', lines.Skip(header.Count)),
            File.Exists(errorFile) ? File.ReadAllText(errorFile) : "",
            TimeSpan.Zero);
    }

    /// <summary>An output written in the test itself (for forms this machine cannot produce, each says where its shape comes from).</summary>
    public static CommandResult Output(string standardOutput, int exitCode = 0, string standardError = "") =>
        new(exitCode, standardOutput, standardError, TimeSpan.Zero);
}
