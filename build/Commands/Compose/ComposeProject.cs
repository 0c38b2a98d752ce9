using Ktrdr.Deploy.Topology;
using static Ktrdr.Deploy.Remote.Execution.ShellQuote;

namespace Ktrdr.Deploy.Commands.Compose;

/// <summary>
/// Everything a compose command line needs on one node: how compose is invoked, the directory it runs in (where the
/// bundle's compose files and .env are), the files and the profiles. The project name is always <see cref="Name"/>,
/// so a redeploy or a rollback from another directory addresses the same containers.
/// </summary>
public sealed record ComposeProject(
    string Node,
    string Invocation,
    string Directory,
    IReadOnlyList<string> Files,
    IReadOnlyList<string> Profiles)
{
    public const string Name = "ktrdr";

    /// <summary>
    /// The project of <paramref name="node"/>: its deploy directory, its compose files (by file name, as the bundle
    /// holds them) and profiles, unless given; compose invoked as the topology forces or as detected.
    /// </summary>
    public static ComposeProject For(
        DetectedCompose detected,
        NodeSpec node,
        string? directory = null,
        IReadOnlyList<string>? files = null,
        IReadOnlyList<string>? profiles = null) => new(
            node.Name,
            ComposeCommands.Invocation(detected.Flavor, node),
            directory ?? node.DeployDirectory,
            files ?? node.ComposeFiles.Select(file => Path.GetFileName(file)).ToList(),
            profiles ?? node.Profiles);

    /// <summary><c>cd &lt;dir&gt; &amp;&amp; &lt;compose&gt; -p ktrdr -f a.yml --profile p</c>, ready for a subcommand.</summary>
    internal string Prefix() =>
        $"cd -- {Quote(Directory)} && {Invocation} -p {Name}" +
        string.Concat(Files.Select(file => $" -f {Quote(file)}")) +
        string.Concat(Profiles.Select(profile => $" --profile {Quote(profile)}"));
}
