using Ktrdr.Deploy.Topology.Tests.Support;

namespace Ktrdr.Deploy.Topology.Tests;

/// <summary>
/// Inputs a hostile but honest user tried (issue 16): variables that override what the deploy generates, values that
/// would write extra lines into a node's .env, deploy directories shared on one host.
/// </summary>
public sealed class HostileInputTests : BadInputTable
{
    private const string GpuNode = """
            host: gpu.example.org
            role: gpu
            ssh: { user: karl }
            compose_files: [docker-compose.gpu.yml]
            deploy_dir: /opt/gpu
        """;

    private static readonly Dictionary<string, BadInput> Table = new()
    {
        ["env overrides NODE_NAME"] = new("  LOG_LEVEL: info", "  NODE_NAME: evil", "env.NODE_NAME", "NODE_NAME: evil",
            "does not generate", "\"NODE_NAME\"", "for every node (the node's name)", "remove NODE_NAME from env"),
        ["env overrides SHARED_DATA_PATH"] = new("  LOG_LEVEL: info", "  SHARED_DATA_PATH: /tmp", "env.SHARED_DATA_PATH", "SHARED_DATA_PATH: /tmp",
            "\"SHARED_DATA_PATH\"", "storage.path"),
        ["node env overrides IMAGE_TAG"] = new("      WORKER_SLOTS: \"2\"", "      IMAGE_TAG: latest", "nodes.workers-b.env.IMAGE_TAG",
            "IMAGE_TAG: latest", "\"IMAGE_TAG\"", "--tag", "remove IMAGE_TAG from env"),
        ["node env overrides NODE_HOST"] = new("      WORKER_SLOTS: \"2\"", "      NODE_HOST: x.example.org", "nodes.workers-b.env.NODE_HOST",
            "NODE_HOST: x.example.org", "\"NODE_HOST\"", "the node's host"),
        ["env overrides an image reference"] = new("  LOG_LEVEL: info", "  KTRDR_IMAGE: mine:latest", "env.KTRDR_IMAGE", "KTRDR_IMAGE: mine",
            "\"KTRDR_IMAGE\"", "images.ktrdr.env", "image reference"),
        ["newline in an env value"] = new("  LOG_LEVEL: info", "  LOG_LEVEL: \"bar\\nNODE_NAME=evil\"", "env.LOG_LEVEL", "LOG_LEVEL:",
            "one-line text value without control characters", "found \"bar\\nNODE_NAME=evil\"", "a .env line holds one variable"),
        ["carriage return in a node env value"] = new("      WORKER_SLOTS: \"2\"", "      WORKER_SLOTS: \"2\\r\"", "nodes.workers-b.env.WORKER_SLOTS",
            "WORKER_SLOTS:", "without control characters", "\"2\\r\""),
        ["escape character in an env value"] = new("  LOG_LEVEL: info", "  LOG_LEVEL: \"\\e[31mred\"", "env.LOG_LEVEL", "LOG_LEVEL:",
            "without control characters", "\\u001b"),
        ["NUL in an env value"] = new("  LOG_LEVEL: info", "  LOG_LEVEL: \"a\\0b\"", "env.LOG_LEVEL", "LOG_LEVEL:",
            "without control characters", "\\u0000"),
        ["deploy_dir used twice on one host"] = new(GpuNode, GpuNode.Replace("gpu.example.org", "workers-b.example.org")
                .Replace("/opt/gpu", "/opt/workers-b/  # gpu"), "nodes.gpu.deploy_dir", "# gpu",
            "deploy_dir on one host used only once", "\"workers-b\" already uses", "its own directory"),
    };

    protected override IReadOnlyDictionary<string, BadInput> Cases => Table;

    public static TheoryData<string> Names => new(Table.Keys);

    [Theory]
    [MemberData(nameof(Names))]
    public void Reports_the_field_with_line_expectation_and_hint(string name) => Check(name);

    [Fact]
    public void A_tab_inside_an_env_value_is_text_and_is_accepted()
    {
        using var workspace = new TopologyWorkspace();
        var env = workspace.Load(ValidTopology.With("  LOG_LEVEL: info", "  LOG_LEVEL: \"a\\tb\""));

        Assert.Equal("a\tb", env.Env["LOG_LEVEL"]);
    }

    [Fact]
    public void Nodes_on_different_hosts_may_use_the_same_deploy_dir()
    {
        using var workspace = new TopologyWorkspace();
        var env = workspace.Load(ValidTopology.With("deploy_dir: /opt/gpu", "deploy_dir: /opt/workers-b"));

        Assert.Equal(env.FindNode("workers-b")!.DeployDirectory, env.FindNode("gpu")!.DeployDirectory);
    }

    [Theory]
    [InlineData(15_000)]
    [InlineData(65)]
    public void A_file_nested_thousands_of_levels_deep_is_an_error_with_a_line_not_a_stack_overflow(int levels)
    {
        using var workspace = new TopologyWorkspace();
        var yaml = ValidTopology.With("  LOG_LEVEL: info", "  LOG_LEVEL: " + new string('[', levels) + new string(']', levels));

        var problem = Assert.Single(workspace.Problems(yaml));

        Assert.Equal(Path.GetFullPath(workspace.TopologyFile()), Path.GetFullPath(problem.File));
        Assert.Equal(ProblemAssert.LineOf(workspace.TopologyFile(), "LOG_LEVEL:"), problem.Line);
        Assert.Contains("more than 64 levels deep", problem.Message);
        Assert.Contains("runaway indentation", problem.Hint);
    }

    [Fact]
    public void Deep_block_indentation_is_bounded_too()
    {
        using var workspace = new TopologyWorkspace();
        var nested = string.Concat(Enumerable.Range(0, 200).Select(i => $"{new string(' ', 2 * i + 2)}k{i}:\n")) + new string(' ', 402) + "leaf";
        var yaml = ValidTopology.With("  LOG_LEVEL: info", nested.TrimStart('\n'));

        var problem = Assert.Single(workspace.Problems(yaml));

        Assert.True(problem.Line > ProblemAssert.LineOf(workspace.TopologyFile(), "  k0:"), problem.ToString());
        Assert.Contains("levels deep", problem.Message);
    }

    [Fact]
    public void Sixty_levels_are_still_read()
    {
        using var workspace = new TopologyWorkspace();
        var yaml = ValidTopology.With("  LOG_LEVEL: info", "  LOG_LEVEL: " + new string('[', 60) + new string(']', 60));

        var problem = Assert.Single(workspace.Problems(yaml));   // read fine, then rejected as a value that is not text

        Assert.DoesNotContain("levels deep", problem.Message);
        Assert.Equal("env.LOG_LEVEL", problem.Field);
    }
}
