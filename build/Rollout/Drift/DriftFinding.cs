namespace Ktrdr.Deploy.Rollout.Drift;

/// <summary>What a finding is about: a file of the deploy directory, a container of the project, or the stamp the deploy left.</summary>
public enum DriftArea { File, Container, Stamp }

/// <summary>
/// One way the node differs from the bundle. <paramref name="Subject"/> is the file path, the service (or container) or
/// the stamp; <paramref name="What"/> says how it differs, in words for the table and the deploy's reason;
/// <paramref name="Diff"/> is a unified diff for a changed text file (secret values masked).
/// </summary>
public sealed record DriftFinding(DriftArea Area, string Subject, string What, string? Diff = null)
{
    /// <summary>"docker-compose.workers.yml differs on the node", "service worker-1 is stopped (exited 137)".</summary>
    public override string ToString() => $"{Subject} {What}";
}
