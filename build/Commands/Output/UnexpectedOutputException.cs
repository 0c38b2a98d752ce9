using Ktrdr.Deploy.Remote;

namespace Ktrdr.Deploy.Commands.Output;

/// <summary>A command's output could not be read as the command promises; the message shows what it printed.</summary>
public sealed class UnexpectedOutputException(string message) : Exception(message)
{
    private const int ShownCharacters = 600;

    internal static UnexpectedOutputException For(string what, string problem, CommandResult result) =>
        new($"{what}: {problem}. The command exited with code {result.ExitCode} and printed: {Excerpt(result)}");

    /// <summary>Standard error first: that is where tools say what went wrong.</summary>
    private static string Excerpt(CommandResult result)
    {
        var text = string.Join(" | ", new[] { result.StandardError, result.StandardOutput }
            .Select(part => part.Trim())
            .Where(part => part.Length > 0));
        if (text.Length == 0) return "nothing";
        return text.Length <= ShownCharacters ? text : text[..ShownCharacters] + " …";
    }
}
