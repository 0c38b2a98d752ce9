using Ktrdr.Deploy.Commands.Output;
using Ktrdr.Deploy.Topology;

namespace Ktrdr.Deploy.Commands.Compose;

/// <summary>
/// The shell fragment that finds a working compose (v2 plugin first, then v1) and prints <c>compose=v2|v1|none</c>
/// and <c>compose_version=...</c>; shared by the detection command and the pre-flight.
/// </summary>
internal static class ComposeProbe
{
    private const string FlavorKey = "compose";
    private const string VersionKey = "compose_version";

    public static string Script(ComposeCommand preference)
    {
        var probes = preference switch
        {
            ComposeCommand.DockerCompose => new[] { ComposeFlavor.V2 },
            ComposeCommand.DockerComposeV1 => [ComposeFlavor.V1],
            _ => [ComposeFlavor.V2, ComposeFlavor.V1],
        };
        var branches = probes.Select(flavor =>
            $"v=$({Program(flavor)} version --short 2>/dev/null); then echo {FlavorKey}={Key(flavor)}; " +
            $"printf '{VersionKey}=%s\\n' \"$v\"; ");
        return "if " + string.Join("elif ", branches) + $"else echo {FlavorKey}={Key(ComposeFlavor.None)}; fi";
    }

    public static DetectedCompose Read(KeyValueOutput output)
    {
        var flavor = output.Required(FlavorKey) switch
        {
            "v2" => ComposeFlavor.V2,
            "v1" => ComposeFlavor.V1,
            "none" => ComposeFlavor.None,
            var other => throw output.Problem($"'{FlavorKey}' should be v2, v1 or none, found '{other}'"),
        };
        var version = output.Optional(VersionKey)?.Trim().TrimStart('v');
        return flavor == ComposeFlavor.None ? DetectedCompose.Nothing : new DetectedCompose(flavor, version);
    }

    /// <summary>The program words that run compose of this flavor.</summary>
    public static string Program(ComposeFlavor flavor) => flavor == ComposeFlavor.V1 ? "docker-compose" : "docker compose";

    private static string Key(ComposeFlavor flavor) => flavor.ToString().ToLowerInvariant();
}
