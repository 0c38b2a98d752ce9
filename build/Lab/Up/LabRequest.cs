using Ktrdr.Deploy.Topology;

namespace Ktrdr.Deploy.Lab.Up;

/// <summary>
/// What LabUp is asked for. <paramref name="Root"/> holds the lab's files (<c>.artifacts/lab</c>);
/// <paramref name="Dockerfiles"/> is deploy/docker/lab (node/, registry/, dns/); <paramref name="Topology"/> the lab
/// environment. Id, subnet and port are the --lab-id, --lab-subnet and --lab-registry-port parameters (null: derived).
/// </summary>
public sealed record LabRequest(string Root, string Dockerfiles, EnvironmentTopology Topology,
    string? LabId = null, string? Subnet = null, int? RegistryPort = null);

/// <summary>What LabUp left: the lab's state, and what it had to change (empty when the lab was already up).</summary>
public sealed record LabUpReport(State.LabState State, IReadOnlyList<string> Changes);
