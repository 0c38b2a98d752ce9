using System.Diagnostics;

namespace Standin.Metrics;

/// <summary>The process_* family prometheus_client exports on Linux.</summary>
public static class ProcessMetrics
{
    public static void WriteTo(PrometheusTextWriter writer)
    {
        using var process = Process.GetCurrentProcess();
        var startUnix = new DateTimeOffset(process.StartTime.ToUniversalTime()).ToUnixTimeMilliseconds() / 1000.0;
        writer.Family("process_cpu_seconds_total", "counter", "Total user and system CPU time spent in seconds.")
            .Sample("process_cpu_seconds_total", process.TotalProcessorTime.TotalSeconds)
            .Family("process_resident_memory_bytes", "gauge", "Resident memory size in bytes.")
            .Sample("process_resident_memory_bytes", process.WorkingSet64)
            .Family("process_virtual_memory_bytes", "gauge", "Virtual memory size in bytes.")
            .Sample("process_virtual_memory_bytes", process.VirtualMemorySize64)
            .Family("process_open_fds", "gauge", "Number of open file descriptors.")
            .Sample("process_open_fds", OpenFileDescriptors())
            .Family("process_start_time_seconds", "gauge", "Start time of the process since unix epoch in seconds.")
            .Sample("process_start_time_seconds", startUnix);
    }

    private static int OpenFileDescriptors() =>
        Directory.Exists("/proc/self/fd") ? Directory.GetFileSystemEntries("/proc/self/fd").Length : 0;
}
