using System.Text.RegularExpressions;
using Ktrdr.Deploy.Commands.Output;
using Ktrdr.Deploy.Remote;
using Ktrdr.Deploy.Topology;
using static Ktrdr.Deploy.Remote.Execution.ShellQuote;

namespace Ktrdr.Deploy.Commands.Layout;

/// <summary>
/// The script run inside the proof container, and its reading. It prints <c>proof|step|gid|dir</c> per subdirectory:
/// step is ok, or the step that failed (write, read, remove); gid is the proof file's group.
/// </summary>
internal static partial class ProofScript
{
    public const string FilePrefix = ".ktrdr-proof-";

    public static string Inner(SharedStorage storage, string nonce)
    {
        if (!Nonce().IsMatch(nonce))
            throw new ArgumentException($"The proof nonce '{nonce}' must be 4 to 64 letters or digits.", nameof(nonce));

        return $"v={Quote(nonce)}; " +
               $"for d in {string.Join(' ', SharedLayoutCommands.Subdirectories(storage).Select(Quote))}; do " +
               $"f=\"$d/{FilePrefix}$v\"; " +
               "if ! printf '%s\\n' \"$v\" > \"$f\"; then echo \"proof|write|-|$d\"; continue; fi; " +
               "if [ \"$(cat -- \"$f\")\" != \"$v\" ]; then rm -f -- \"$f\"; echo \"proof|read|-|$d\"; continue; fi; " +
               "g=$(stat -c %g -- \"$f\"); " +
               "if rm -f -- \"$f\"; then echo \"proof|ok|$g|$d\"; else echo \"proof|remove|$g|$d\"; fi; " +
               "done";
    }

    public static ProofResult Read(CommandResult result, SharedStorage storage)
    {
        var outcomes = OutputText.Lines(result.StandardOutput)
            .Where(line => line.StartsWith("proof|", StringComparison.Ordinal))
            .Select(line => line.Split('|', 4))
            .Where(fields => fields.Length == 4)
            .ToDictionary(fields => fields[3], fields => (Step: fields[1], Group: fields[2]));
        if (outcomes.Count == 0 && !result.Succeeded)
            return new ProofResult([], [$"the proof container did not run: {FirstLine(result.StandardError)}"]);

        var proven = new List<string>();
        var failures = new List<string>();
        foreach (var dir in SharedLayoutCommands.Subdirectories(storage))
        {
            var failure = outcomes.TryGetValue(dir, out var outcome)
                ? Failure(storage, dir, outcome.Step, outcome.Group)
                : $"no proof ran in {dir}: {FirstLine(result.StandardError)}";
            (failure is null ? proven : failures).Add(failure ?? dir);
        }

        return new ProofResult(proven, failures);
    }

    private static string? Failure(SharedStorage storage, string dir, string step, string group)
    {
        var user = $"uid {storage.Uid} with group {storage.Gid}";
        var mode = OctalMode.Text(storage.DirectoryMode);
        return step switch
        {
            "ok" when group == storage.Gid.ToString() => null,
            "ok" => $"a file created in {dir} gets group {group}, not {storage.Gid}: the directory lacks the setgid bit (mode {mode}); run SyncNfsLayout",
            "write" => $"{user} cannot create a file in {dir}: it needs owner {storage.Uid}:{storage.Gid} and mode {mode}; run SyncNfsLayout",
            "read" => $"a file written by {user} in {dir} did not read back the same: check the mount of {storage.Path} on the node",
            "remove" => $"{user} could not remove its proof file {dir}/{FilePrefix}*: remove it by hand",
            _ => $"the proof in {dir} reported '{step}', which this version does not know",
        };
    }

    /// <summary>The line that says what went wrong: docker's error when there is one, else the first line.</summary>
    private static string FirstLine(string text)
    {
        var lines = OutputText.Lines(text).ToList();
        return lines.FirstOrDefault(line => line.Contains("error", StringComparison.OrdinalIgnoreCase)) ??
               lines.FirstOrDefault() ?? "it printed no error";
    }

    [GeneratedRegex("^[A-Za-z0-9]{4,64}$")]
    private static partial Regex Nonce();
}
