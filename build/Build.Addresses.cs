using Ktrdr.Deploy.Lab.State;
using Ktrdr.Deploy.Topology;

namespace Ktrdr.Build;

partial class Build
{
    /// <summary>
    /// The topology with each node's connect address (<see cref="NodeSpec.Address"/>) filled in where its host name does not
    /// resolve from this machine: in the lab, from the running lab's state (node IPs, registry port); elsewhere unchanged.
    /// </summary>
    EnvironmentTopology WithRuntimeAddresses(EnvironmentTopology env) =>
        IsLab && OperatingSystem.IsLinux() && LabState.TryLoad(RootDirectory) is { } state ? LabTopology.Apply(env, state) : env;
}
