using Ktrdr.Deploy.Rollout.Operations;

namespace Ktrdr.Deploy.Rollout.Orchestration;

/// <summary>
/// When a deploy lock may be taken over without LockRelease: its holder ran on this same host and its process no longer
/// exists (killed, machine rebooted). A holder on another host is never broken: this host cannot know whether it still runs.
/// </summary>
public static class StaleLock
{
    /// <summary>Why <paramref name="holder"/> is stale, for the log and the audit; null when it must be respected.</summary>
    public static string? Reason(LockHolder? holder, string thisHost, Func<int, bool> processIsAlive) =>
        holder is not null && string.Equals(holder.Host, thisHost, StringComparison.OrdinalIgnoreCase) && !processIsAlive(holder.Pid)
            ? $"the lock was held by {holder}, and no process {holder.Pid} runs on {thisHost} any more"
            : null;
}
