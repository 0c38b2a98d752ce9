using System.Diagnostics;

namespace Ktrdr.Deploy.Rollout.Orchestration;

/// <summary>Processes of this machine, as the stale-lock rule asks about them.</summary>
public static class LocalProcesses
{
    public static bool IsAlive(int pid)
    {
        if (pid <= 0) return false;
        if (OperatingSystem.IsLinux()) return Directory.Exists($"/proc/{pid}");
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
