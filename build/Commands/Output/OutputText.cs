namespace Ktrdr.Deploy.Commands.Output;

public static class OutputText
{
    /// <summary>The non-blank lines of a command's output, trimmed of '\r' and surrounding blanks.</summary>
    public static IEnumerable<string> Lines(string output) =>
        output.Split('\n').Select(line => line.Trim()).Where(line => line.Length > 0);
}
