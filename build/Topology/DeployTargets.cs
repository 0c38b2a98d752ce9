namespace Ktrdr.Deploy.Topology;

/// <summary>Which build targets deploy the nodes of a role: the role's own Deploy target first, then Patch (every role).</summary>
public static class DeployTargets
{
    public const string Patch = "Patch";

    public static IReadOnlyList<string> Of(NodeRole role) => [$"Deploy{role}", Patch];
}
