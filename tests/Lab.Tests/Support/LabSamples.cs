using Ktrdr.Deploy.Lab.Planning;
using Ktrdr.Deploy.Topology;
using TestSupport;

namespace Ktrdr.Deploy.Lab.Tests.Support;

/// <summary>The repository's real lab topology and a plan made from it, for the pure tests.</summary>
internal static class LabSamples
{
    public static EnvironmentTopology Topology { get; } = TopologyLoader.Load(Path.Combine(RepoFiles.Root, "deploy"), "lab");

    public static string Dockerfiles => Path.Combine(RepoFiles.Root, "deploy", "docker", "lab");

    public static LabPlan Plan(string id = "abc123", string subnet = "172.20.5.0/24", int port = 15123, string root = "/srv/checkout") =>
        LabPlan.Create(id, Ipv4Subnet.Parse(subnet), port, LabPaths.For(root), Topology);
}

/// <summary>A folder in the temp directory, deleted afterwards.</summary>
public sealed class ScratchDirectory : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("lab-tests-").FullName;

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
