namespace Ktrdr.Deploy.Commands.Docker;

/// <summary>A registry digest of an image: <c>Repository@Digest</c>.</summary>
public sealed record ImageDigest(string Repository, string Digest)
{
    public string Reference => $"{Repository}@{Digest}";

    public override string ToString() => Reference;
}

/// <summary>What a docker daemon says about itself.</summary>
public sealed record DockerInfo(string ServerVersion, string Name, string OperatingSystem, string Architecture, int ContainersRunning);
