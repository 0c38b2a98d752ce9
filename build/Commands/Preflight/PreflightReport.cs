using Ktrdr.Deploy.Commands.Compose;

namespace Ktrdr.Deploy.Commands.Preflight;

public enum DockerAccess { Reachable, Unreachable, Missing }

/// <summary>What a node looks like before a rollout, and what stops one, in sentences for a person.</summary>
/// <param name="DockerError">What docker said when it could not reach its daemon.</param>
/// <param name="DeployDirectoryWritable">The deploy directory (or, while it is missing, its nearest existing parent) is writable by the SSH user.</param>
/// <param name="DeployParentWritable">The deploy directory's parent is writable by the SSH user; uploads stage their files beside the deploy directory.</param>
public sealed record PreflightReport(
    string Node,
    string User,
    int Uid,
    DockerAccess Docker,
    string? DockerVersion,
    string? DockerError,
    DetectedCompose Compose,
    double FreeDiskGb,
    bool DeployDirectoryExists,
    bool DeployDirectoryWritable,
    bool DeployParentWritable,
    IReadOnlyList<string> Failures)
{
    public bool Passed => Failures.Count == 0;

    public bool IsRoot => Uid == 0;
}
