using Ktrdr.Deploy.Topology;

namespace Ktrdr.Deploy.Rollout.Orchestration;

/// <summary>What a node of a deploy waits for before it starts its containers (its state, pre-flight, upload and pull never wait).</summary>
public enum StartAfter
{
    /// <summary>Starts as soon as its images are pulled.</summary>
    Nothing,

    /// <summary>Starts once the core nodes have started theirs: a new worker registers with the backend as it comes up (its retries are short then).</summary>
    CoreStarted,

    /// <summary>Starts once the core nodes are deployed and healthy: a running worker is drained through the backend before it is replaced.</summary>
    CoreHealthy,
}

/// <summary>
/// The order of one deploy's container starts, decided here: every node reads its state, is pre-flighted, uploaded and
/// pulled at once; core starts first; a worker or gpu node that runs nothing yet starts as soon as core's containers are
/// started, one that runs workers waits until core is healthy (its drain asks the backend). Core unchanged: nobody waits.
/// </summary>
public static class StartOrder
{
    public static StartAfter For(NodeRole role, bool runsContainers, bool coreChanges) =>
        role == NodeRole.Core || !coreChanges ? StartAfter.Nothing
        : runsContainers ? StartAfter.CoreHealthy
        : StartAfter.CoreStarted;
}
