namespace Ktrdr.Deploy.Rollout.Deploy;

/// <summary>
/// A node's place in a deploy's start order (decided by the orchestration): what it waits for before it starts its
/// containers (<paramref name="Ready"/> fails when what it waits for failed: the node then starts nothing), and the
/// signal it gives once its own are started.
/// </summary>
public sealed record NodeStart(Func<Task> Ready, string Waits, Action Started)
{
    /// <summary>Waits for nothing and tells no one.</summary>
    public static readonly NodeStart Now = new(() => Task.CompletedTask, "", () => { });

    /// <summary>Whether the node waits for another before it starts (then its progress shows a "wait" step).</summary>
    public bool Waiting => Waits.Length > 0;
}
