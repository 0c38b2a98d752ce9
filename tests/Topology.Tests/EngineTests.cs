using Ktrdr.Deploy.Topology.Tests.Support;

namespace Ktrdr.Deploy.Topology.Tests;

/// <summary><c>engine: compose|swarm</c>: per environment, compose when left out, and a clear error when misspelt or misplaced.</summary>
public sealed class EngineTests : BadInputTable, IDisposable
{
    private readonly TopologyWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    private static readonly Dictionary<string, BadInput> Table = new()
    {
        ["engine misspelt"] = new("api_environment: staging\n", "api_environment: staging\nengine: swarn\n", "engine", "engine: swarn",
            "expected one of compose, swarm", "found \"swarn\"", "did you mean \"swarm\"?"),
        ["engine of another orchestrator"] = new("api_environment: staging\n", "api_environment: staging\nengine: kubernetes\n", "engine",
            "engine: kubernetes", "expected one of compose, swarm", "found \"kubernetes\"", "valid values: compose, swarm"),
        ["engine as a list"] = new("api_environment: staging\n", "api_environment: staging\nengine: [swarm]\n", "engine",
            "engine: [swarm]", "expected one of compose, swarm", "found a list", "single value"),
        ["engine on a node"] = new("    deploy_dir: /opt/gpu\n", "    deploy_dir: /opt/gpu\n    engine: swarm\n", "nodes.gpu.engine",
            "engine: swarm", "expected engine at the top level", "move `engine: swarm` to the top level", "docs/swarm.md"),
    };

    protected override IReadOnlyDictionary<string, BadInput> Cases => Table;

    public static TheoryData<string> Names => new(Table.Keys);

    [Theory]
    [MemberData(nameof(Names))]
    public void Reports_the_field_with_line_expectation_and_hint(string name) => Check(name);

    [Fact]
    public void Compose_when_the_file_does_not_say()
    {
        Assert.Equal(DeployEngine.Compose, _workspace.Load(ValidTopology.Yaml).Engine);
    }

    [Theory]
    [InlineData("compose", DeployEngine.Compose)]
    [InlineData("swarm", DeployEngine.Swarm)]
    public void Reads_the_engine(string written, DeployEngine expected)
    {
        var topology = _workspace.Load(ValidTopology.With("api_environment: staging\n", $"api_environment: staging\nengine: {written}\n"));
        Assert.Equal(expected, topology.Engine);
    }
}
