namespace Ktrdr.Deploy.Topology.Tests.Support;

/// <summary>
/// A throw-away deploy root in the temp folder: <c>environments/&lt;name&gt;/topology.yml</c> plus
/// compose files, loaded through the real <see cref="TopologyLoader"/>.
/// </summary>
public sealed class TopologyWorkspace : IDisposable
{
    public TopologyWorkspace()
    {
        DeployRoot = Path.Combine(Path.GetTempPath(), "topology-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(DeployRoot);
    }

    public string DeployRoot { get; }

    public string EnvironmentFolder(string environment) => Path.Combine(DeployRoot, "environments", environment);

    public string TopologyFile(string environment = ValidTopology.Environment) =>
        Path.Combine(EnvironmentFolder(environment), TopologyLoader.FileName);

    /// <summary>Writes topology.yml and the standard compose files for an environment; returns the topology path.</summary>
    public string Write(string yaml, string environment = ValidTopology.Environment)
    {
        foreach (var (name, text) in ValidTopology.ComposeFiles)
            WriteFile(environment, name, text);
        return WriteFile(environment, TopologyLoader.FileName, yaml);
    }

    public string WriteFile(string environment, string name, string text)
    {
        var path = Path.Combine(EnvironmentFolder(environment), name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    public EnvironmentTopology Load(string yaml, string environment = ValidTopology.Environment) =>
        TopologyLoader.LoadFile(Write(yaml, environment));

    /// <summary>Loads text that must be rejected; returns every problem reported.</summary>
    public IReadOnlyList<Diagnostic> Problems(string yaml, string environment = ValidTopology.Environment)
    {
        var path = Write(yaml, environment);
        return Assert.Throws<InvalidInputException>(() => TopologyLoader.LoadFile(path)).Diagnostics;
    }

    public void Dispose() => Directory.Delete(DeployRoot, recursive: true);
}
