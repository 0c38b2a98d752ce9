using Ktrdr.Deploy.Remote;
using static Ktrdr.Deploy.Remote.Execution.ShellQuote;

namespace Ktrdr.Deploy.Rollout.Operations;

/// <summary>
/// The deploy lock and the audit history on the core node, under <see cref="Directory"/>, as commands. The lock is a
/// directory (mkdir is atomic) holding the holder's JSON; taking it prints <c>acquired</c> or <c>held</c> and the holder.
/// </summary>
public static class OperationCommands
{
    public const string Directory = "/var/lib/ktrdr-deploy";
    public const string LockDirectory = Directory + "/lock";
    public const string HolderFile = LockDirectory + "/holder.json";
    public const string AuditFile = Directory + "/audit.jsonl";

    public static RemoteCommand Acquire(LockHolder holder) => new(
        $"mkdir -p {Directory} && if mkdir {LockDirectory} 2>/dev/null; then cat > {HolderFile} && echo acquired; " +
        $"else cat >/dev/null; echo held; cat {HolderFile} 2>/dev/null; echo; fi",
        $"take the deploy lock of {holder.Environment}")
    {
        StandardInput = OperationJson.Line(holder),
        Sudo = true,
    };

    /// <summary>Removes the lock only while <paramref name="holderId"/> still holds it.</summary>
    public static RemoteCommand Release(string holderId) => new(
        $"if grep -q {Quote(holderId)} {HolderFile} 2>/dev/null; then rm -rf {LockDirectory}; fi",
        "release the deploy lock") { Sudo = true };

    /// <summary>Prints the holder (empty when the lock is free).</summary>
    public static RemoteCommand ReadHolder() => new($"cat {HolderFile} 2>/dev/null; true", "read the deploy lock") { Sudo = true };

    public static RemoteCommand Break() => new($"rm -rf {LockDirectory}", "break the deploy lock") { Sudo = true };

    public static RemoteCommand Append(AuditEntry entry) => Append([entry]);

    /// <summary>Appends these entries in one write (one locked operation that deployed several targets' nodes side by side).</summary>
    public static RemoteCommand Append(IReadOnlyList<AuditEntry> entries) => new(
        $"mkdir -p {Directory} && cat >> {AuditFile}", "append to the audit history")
        { StandardInput = string.Concat(entries.Select(e => OperationJson.Line(e) + "\n")), Sudo = true };

    /// <summary>
    /// <see cref="Append"/> then <see cref="Release"/> in one round trip (the end of every locked operation): the lock is released
    /// whether or not the append worked, and the exit status is the append's.
    /// </summary>
    public static RemoteCommand AppendAndRelease(AuditEntry entry, string holderId) => AppendAndRelease([entry], holderId);

    /// <inheritdoc cref="AppendAndRelease(AuditEntry, string)"/>
    public static RemoteCommand AppendAndRelease(IReadOnlyList<AuditEntry> entries, string holderId) => Append(entries) with
    {
        Script = $"{Append(entries).Script}; appended=$?; {Release(holderId).Script}; exit $appended",
        Description = "append to the audit history and release the deploy lock",
    };

    public static RemoteCommand ReadAudit() => new($"cat {AuditFile} 2>/dev/null; true", "read the audit history") { Sudo = true };

    /// <summary>(true, null) when taken; (false, holder) when someone else holds it.</summary>
    public static (bool Acquired, LockHolder? Holder) ParseAcquire(CommandResult result)
    {
        var lines = result.StandardOutput.Split('\n', 2);
        return lines[0].Trim() == "acquired" ? (true, null) : (false, OperationJson.Holder(lines.Length > 1 ? lines[1] : null));
    }
}
