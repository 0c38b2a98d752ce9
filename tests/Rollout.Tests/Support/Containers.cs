using Ktrdr.Deploy.Commands.Compose;

namespace Rollout.Tests.Support;

/// <summary>Containers as ComposeCommands.ParseContainers returns them, with only what a test cares about set.</summary>
internal static class Containers
{
    public static ContainerStatus Container(
        string service,
        string state = "running",
        ContainerHealth health = ContainerHealth.None,
        int exitCode = 0,
        string? id = null) => new(
            service,
            id ?? $"{service}-0123456789abcdef",
            $"ktrdr_{service}_1",
            state,
            health,
            exitCode,
            "registry.ktrdr.lab:5000/ktrdr/ktrdr-backend:sha-7c8143b",
            DateTimeOffset.Parse("2025-01-01T00:00:00Z"),
            null);
}
