using System.Text;
using System.Text.RegularExpressions;

namespace Ktrdr.Deploy.Remote.Execution;

/// <summary>
/// Builds the fixed wrapper that both executors run. The command line holds only the script; secret values are
/// sent on standard input as <c>NAME=base64(value)</c> lines ended by an empty line, followed by the command's own
/// standard input. The wrapper reads those lines with the shell's built-in <c>read</c> (byte by byte on a pipe, so
/// the script's input is left intact), decodes them with the built-in <c>printf</c> piped to <c>base64 -d</c>,
/// exports them, and execs the script. A command without input of its own first reads its standard input to the end:
/// the process then cannot end before the client's end-of-input arrives, which OpenSSH would otherwise receive for a
/// channel it already closed and answer by dropping the whole connection ("ieof packet referred to nonexistent channel").
/// </summary>
internal static partial class CommandWrapper
{
    internal const string ProgramName = "ktrdr-remote";

    // "x" is appended and stripped so that trailing newlines of a value survive the command substitution.
    private const string Wrapper =
        "while IFS= read -r l && [ -n \"$l\" ]; do " +
        "k=${l%%=*}; " +
        "v=$(printf %s \"${l#*=}\" | base64 -d && printf x) || " +
        "{ echo \"$0: could not decode the secret $k (is base64 installed?)\" >&2; exit 125; }; " +
        "export \"$k=${v%x}\"; " +
        "done; " +
        "exec sh -c \"$1\" \"$0\"";

    private const string Drain = "while IFS= read -r l; do :; done; ";

    public static WrappedCommand Wrap(RemoteCommand command, bool elevate)
    {
        var wrapper = command.StandardInput is null ? Wrapper.Replace("exec sh -c", Drain + "exec sh -c", StringComparison.Ordinal) : Wrapper;
        var line = $"sh -c {ShellQuote.Quote(wrapper)} {ProgramName} {ShellQuote.Quote(command.Script)}";
        if (elevate)
        {
            line = "sudo -n -- " + line;
        }

        return new WrappedCommand(line, StandardInputFor(command));
    }

    private static byte[] StandardInputFor(RemoteCommand command)
    {
        var input = new StringBuilder();
        foreach (var (name, value) in command.SecretEnvironment.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            Validate(command, name, value);
            input.Append(name).Append('=').Append(Convert.ToBase64String(Encoding.UTF8.GetBytes(value))).Append('\n');
        }

        input.Append('\n').Append(command.StandardInput);
        return Encoding.UTF8.GetBytes(input.ToString());
    }

    private static void Validate(RemoteCommand command, string name, string value)
    {
        if (!VariableName().IsMatch(name))
        {
            throw new ArgumentException(
                $"Command '{command.Description}': secret environment name '{name}' is not a valid shell variable name; " +
                "expected letters, digits and '_', not starting with a digit.");
        }

        if (value.Contains('\0'))
        {
            throw new ArgumentException(
                $"Command '{command.Description}': the value of secret '{name}' contains a NUL character, " +
                "which no environment variable can hold.");
        }
    }

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex VariableName();
}
