namespace Standin.Worker;

/// <summary>
/// A training worker's capabilities. The lab has no GPU: a worker whose NVIDIA_VISIBLE_DEVICES names
/// devices (not empty, "void" or "none") is told it has one (registered as CUDA, as the contract shapes it), and its log says "simulated".
/// </summary>
public sealed record GpuDetection(bool HasGpu, int Count, string LogLine)
{
    public const string Variable = "NVIDIA_VISIBLE_DEVICES";

    public static GpuDetection From(string? visibleDevices)
    {
        if (string.IsNullOrWhiteSpace(visibleDevices) || visibleDevices.Equals("void", StringComparison.OrdinalIgnoreCase)
            || visibleDevices.Equals("none", StringComparison.OrdinalIgnoreCase))
        {
            return new GpuDetection(false, 0, $"GPU: none ({Variable} not set)");
        }
        var count = visibleDevices.Equals("all", StringComparison.OrdinalIgnoreCase)
            ? 1
            : visibleDevices.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Length;
        return new GpuDetection(true, count, $"GPU: simulated ({Variable}={visibleDevices}, {count} device(s))");
    }

    /// <summary>
    /// What the real training worker registers: <c>{"gpu": false}</c> without a GPU (the other keys absent, not null),
    /// <c>{"gpu": true, "gpu_type": "CUDA", "gpu_count": N}</c> with one (the lab's is simulated; the log line says so).
    /// </summary>
    public IReadOnlyDictionary<string, object?> Capabilities => HasGpu
        ? new Dictionary<string, object?> { ["gpu"] = true, ["gpu_type"] = "CUDA", ["gpu_count"] = Count }
        : new Dictionary<string, object?> { ["gpu"] = false };
}
