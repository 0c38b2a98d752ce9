namespace Ktrdr.Deploy.Remote.Execution;

/// <summary>Recognises the ways <c>sudo -n</c> refuses to run, and says what to do about each.</summary>
internal static class SudoFailure
{
    public static string? Explain(string target, string user, RemoteCommand command, ProcessOutput output)
    {
        var error = output.StandardError;
        if (output.ExitCode == 127 && error.Contains("sudo", StringComparison.Ordinal) && error.Contains("not found", StringComparison.Ordinal))
        {
            return $"Target {target}: '{command.Description}' needs root, but sudo is not installed there. " +
                   $"Install it (apt-get install sudo) and allow '{user}' to use it without a password, or connect as root.";
        }

        if (output.ExitCode == 1 && error.StartsWith("sudo:", StringComparison.Ordinal) &&
            (error.Contains("password is required", StringComparison.Ordinal) || error.Contains("terminal is required", StringComparison.Ordinal)))
        {
            return $"Target {target}: '{command.Description}' needs root, but sudo asks user '{user}' for a password " +
                   "and deploys never type one. " +
                   $"Add a sudoers rule such as '{user} ALL=(root) NOPASSWD: ALL' in /etc/sudoers.d/ on the target, or connect as root.";
        }

        return null;
    }
}
