using static Ktrdr.Deploy.Remote.Execution.ShellQuote;

namespace Ktrdr.Deploy.Remote.Files;

/// <summary>The shell scripts behind file operations, identical for every executor.</summary>
internal static class FileScripts
{
    public const int AbsentExitCode = 3;

    public static RemoteCommand Read(string path) => new(
        $"p={Quote(path)}; if [ -f \"$p\" ]; then exec cat -- \"$p\"; fi; [ -e \"$p\" ] || exit {AbsentExitCode}; " +
        "echo \"$p exists but is not a regular file\" >&2; exit 2",
        $"read {path}");

    /// <summary>The content travels on standard input; a temporary file in the same directory is renamed over the target.</summary>
    public static RemoteCommand Write(string path, string content, UnixFileMode mode) => new(
        $"set -e; p={Quote(path)}; t=\"$p.tmp-$$\"; trap 'rm -f -- \"$t\"' EXIT; umask 077; " +
        $"mkdir -p -- \"$(dirname -- \"$p\")\"; cat > \"$t\"; chmod {TargetPath.Octal(mode)} -- \"$t\"; mv -f -- \"$t\" \"$p\"",
        $"write {path}")
    {
        StandardInput = content,
    };

    /// <summary>Under sudo the staging directory is handed to the user who ran sudo, who then writes the files into it.</summary>
    public static RemoteCommand PrepareIncoming(string incoming) => new(
        $"set -e; i={Quote(incoming)}; mkdir -p -- \"$(dirname -- \"$i\")\"; rm -rf -- \"$i\"; mkdir -m 700 -- \"$i\"; " +
        "[ -z \"${SUDO_USER:-}\" ] || chown -- \"$SUDO_USER\" \"$i\"",
        $"prepare {incoming}");

    public static RemoteCommand Discard(string incoming) => new($"rm -rf -- {Quote(incoming)}", $"remove {incoming}");

    /// <summary>Moves the current directory aside to .previous and the staged one into place; restores on failure.</summary>
    public static RemoteCommand Swap(string directory, string incoming, UnixFileMode mode) => new(
        $"set -e; d={Quote(directory)}; i={Quote(incoming)}; p={Quote(UploadedDirectory.Previous(directory))}; " +
        $"chmod {TargetPath.Octal(mode)} -- \"$i\"; rm -rf -- \"$p\"; moved=0; " +
        "if [ -e \"$d\" ]; then mv -- \"$d\" \"$p\"; moved=1; fi; " +
        "mv -- \"$i\" \"$d\" || { [ $moved = 0 ] || mv -- \"$p\" \"$d\"; rm -rf -- \"$i\"; exit 1; }",
        $"swap {incoming} into {directory}");
}
