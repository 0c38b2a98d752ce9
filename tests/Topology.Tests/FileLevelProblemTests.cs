using Ktrdr.Deploy.Topology.Tests.Support;

namespace Ktrdr.Deploy.Topology.Tests;

/// <summary>Problems with the file as a whole: syntax, shape, several mistakes at once, secrets in messages.</summary>
public sealed class FileLevelProblemTests : IDisposable
{
    private readonly TopologyWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public void Syntax_error_is_reported_where_the_parser_stopped_in_plain_words()
    {
        var problem = Assert.Single(_workspace.Problems(ValidTopology.With("  url: ghcr.io/acme", "  url: ghcr.io/acme: extra")));

        Assert.Equal(ProblemAssert.LineOf(_workspace.TopologyFile(), "acme: extra"), problem.Line);
        Assert.Contains("this is not valid YAML", problem.Message);
        Assert.Contains("quote values that contain ': '", problem.Hint);
    }

    [Fact]
    public void Tab_indentation_is_explained()
    {
        var problem = Assert.Single(_workspace.Problems(ValidTopology.With("    host: gpu.example.org", "\thost: gpu.example.org")));

        Assert.Equal(ProblemAssert.LineOf(_workspace.TopologyFile(), "\thost"), problem.Line);
        Assert.Contains("tab", problem.Message);
        Assert.Contains("indent with spaces only", problem.Hint);
    }

    [Fact]
    public void Unclosed_quote_is_reported_where_the_quote_opens()
    {
        var problem = Assert.Single(_workspace.Problems(ValidTopology.With("  uid: 999", "  uid: \"999")));

        Assert.Equal(ProblemAssert.LineOf(_workspace.TopologyFile(), "uid: \"999"), problem.Line);
        Assert.Contains("add the closing quote", problem.Hint);
    }

    [Fact]
    public void Unclosed_bracket_is_reported_near_the_bracket()
    {
        var problem = Assert.Single(_workspace.Problems(ValidTopology.With("  subdirs: [data, models]", "  subdirs: [data, models")));

        Assert.Equal(ProblemAssert.LineOf(_workspace.TopologyFile(), "subdirs: [data"), problem.Line);
        Assert.Contains("unclosed '['", problem.Message);
    }

    [Fact]
    public void Alias_without_anchor_is_a_syntax_error_at_the_alias()
    {
        var problem = Assert.Single(_workspace.Problems(ValidTopology.With("  gid: 1500", "  gid: *group")));

        Assert.Equal(ProblemAssert.LineOf(_workspace.TopologyFile(), "*group"), problem.Line);
        Assert.Contains("*group names no anchor", problem.Message);
        Assert.Contains("define the anchor", problem.Hint);
    }

    [Fact]
    public void Duplicate_key_names_the_line_of_the_first_one()
    {
        var yaml = ValidTopology.With("  gid: 1500", "  gid: 1500\n  gid: 1600");
        var file = _workspace.Write(yaml);

        ProblemAssert.Single(_workspace.Problems(yaml), file, "storage.gid", "gid: 1600",
            "duplicate key \"gid\"", $"already written on line {ProblemAssert.LineOf(file, "gid: 1500")}", "keep one");
    }

    [Fact]
    public void Empty_file_says_what_it_should_hold()
    {
        var problem = Assert.Single(_workspace.Problems("# nothing yet\n"));

        Assert.Equal("", problem.Field);
        Assert.Contains("found an empty file", problem.Message);
        Assert.Contains("homelab/topology.yml", problem.Hint);
    }

    [Fact]
    public void Document_that_is_a_list_is_rejected()
    {
        var problem = Assert.Single(_workspace.Problems("- name: staging\n"));

        Assert.Equal(1, problem.Line);
        Assert.Contains("expected a mapping (indented key: value lines), found a list", problem.Message);
    }

    [Fact]
    public void Compose_file_that_is_not_yaml_is_reported_in_its_own_name()
    {
        var file = _workspace.Write(ValidTopology.Yaml);
        var compose = _workspace.WriteFile(ValidTopology.Environment, "docker-compose.gpu.yml", "services:\n  worker: { image: [x }\n");

        var problem = Assert.Single(Assert.Throws<InvalidInputException>(() => TopologyLoader.LoadFile(file)).Diagnostics);

        Assert.Equal(compose, Path.GetFullPath(problem.File));
        Assert.Equal(2, problem.Line);
        Assert.Contains("not valid YAML", problem.Message);
    }

    [Fact]
    public void Every_problem_is_reported_not_only_the_first()
    {
        var yaml = ValidTopology.Edit(ValidTopology.With("    port: 22\n", "    port: twenty-two\n"), "    role: gpu", "    role: gpus");
        yaml = ValidTopology.Edit(yaml, "  LOG_LEVEL: info", "  JWT_SECRET: info");

        var fields = _workspace.Problems(yaml).Select(p => p.Field).Order().ToList();

        Assert.Equal(["defaults.ssh.port", "env.JWT_SECRET", "nodes.gpu.role"], fields);
    }

    [Fact]
    public void A_secret_value_written_by_mistake_is_never_repeated()
    {
        const string value = "s3cr3t-value-123";
        var path = _workspace.Write(ValidTopology.With("  JWT_SECRET: env:JWT_SECRET", $"  JWT_SECRET: {value}"));

        var error = Assert.Throws<InvalidInputException>(() => TopologyLoader.LoadFile(path));

        Assert.Contains("secrets hold references, never values", error.Message);
        Assert.DoesNotContain(value, error.Message);
        Assert.DoesNotContain(error.Diagnostics, d => d.ToString().Contains(value, StringComparison.Ordinal));
    }

    [Fact]
    public void Several_nodes_without_a_workers_or_gpu_node_are_rejected()
    {
        var yaml = ValidTopology.Edit(ValidTopology.With("    role: workers", "    role: core"), "    role: gpu", "    role: core");
        var problems = _workspace.Problems(yaml);

        ProblemAssert.Single(problems, _workspace.TopologyFile(), "nodes", "nodes:",
            "expected at least one node with role: workers or gpu among 3 nodes", "only a single-node environment");
    }

    [Fact]
    public void Missing_topology_file_is_reported()
    {
        var path = Path.Combine(_workspace.DeployRoot, "environments", "nowhere", "topology.yml");

        var problem = Assert.Single(Assert.Throws<InvalidInputException>(() => TopologyLoader.LoadFile(path)).Diagnostics);

        Assert.Equal(path, Path.GetFullPath(problem.File));
        Assert.Contains("does not exist", problem.Message);
    }

    [Fact]
    public void Unknown_environment_lists_the_available_ones_with_the_closest_first()
    {
        _workspace.Write(ValidTopology.Yaml);
        _workspace.Write(ValidTopology.With("name: staging", "name: homelab"), "homelab");

        var problem = Assert.Single(Assert.Throws<InvalidInputException>(() => TopologyLoader.Load(_workspace.DeployRoot, "stagin")).Diagnostics);

        Assert.Equal("environment", problem.Field);
        Assert.Contains("found \"stagin\"", problem.Message);
        Assert.Equal("did you mean \"staging\"? available environments: homelab, staging", problem.Hint);
    }
}
