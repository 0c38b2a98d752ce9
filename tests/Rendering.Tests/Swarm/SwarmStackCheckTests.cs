using Ktrdr.Deploy.Rendering.Bundles;
using Ktrdr.Deploy.Rendering.Checks;
using Ktrdr.Deploy.Rendering.Prometheus;
using Ktrdr.Deploy.Rendering.Swarm;
using Ktrdr.Deploy.Rendering.Tools;
using Ktrdr.Deploy.Topology;

namespace Rendering.Tests.Swarm;

/// <summary>The "swarm stack" check: the render's refusals and notes, then the real tools on the rendered docker-stack.yml.</summary>
public class SwarmStackCheckTests
{
    [Fact]
    public void A_key_swarm_refuses_that_docker_compose_accepts_is_caught_by_docker_stack_config()
    {
        using var tree = new DeployTree();
        var context = Context(tree, new ProcessToolRunner(), stack => stack.Replace("    user: \"999:1500\"\n", "    user: \"999:999\"\n    group_add: [\"1500\"]\n"));

        var errors = new SwarmStackCheck().Run(context).Where(d => d.IsError).ToList();

        var error = Assert.Single(errors);
        Assert.Contains("docker stack config rejects the generated stack file", error.Message);
        Assert.Contains("group_add", error.Message);
        Assert.Equal($"core/{SwarmStack.FileName} (generated)", error.File);
    }

    [Fact]
    public void The_rendered_lab_stack_passes_both_tools_and_carries_the_render_notes()
    {
        using var tree = new DeployTree();
        var tools = new RecordingTools(new ProcessToolRunner());

        var found = new SwarmStackCheck().Run(Context(tree, tools, s => s)).ToList();

        Assert.DoesNotContain(found, d => d.IsError || d.Severity == DiagnosticSeverity.Warning);
        Assert.Contains(found, d => d.Field == "services.backend.depends_on" && d.Severity == DiagnosticSeverity.Note);
        Assert.Equal(["docker-compose -f docker-stack.yml config -q", "docker stack config -c docker-stack.yml"], tools.Ran);
    }

    [Fact]
    public void Without_the_tools_the_check_says_so_never_a_silent_pass()
    {
        using var tree = new DeployTree();
        var found = new SwarmStackCheck().Run(Context(tree, new RecordingTools(null), s => s)).ToList();

        Assert.Contains(found, d => d.Severity == DiagnosticSeverity.Warning && d.Message.Contains("docker-compose is not installed"));
    }

    private static RenderContext Context(DeployTree tree, IToolRunner tools, Func<string, string> editStack)
    {
        var env = tree.Topology("lab") with { Engine = DeployEngine.Swarm };
        var sources = DeploySources.Load(tree.Root, env, []);
        var bundles = BundleRenderer.RenderAll(env, sources, DeployTree.Tag)
            .Select(b => b with { Files = [.. b.Files.Select(f => f.Path == SwarmStack.FileName ? f with { Content = editStack(f.Content) } : f)] })
            .ToList();
        return new RenderContext(env, sources, bundles, ScrapeConfigGenerator.Jobs(env, sources), tools);
    }

    /// <summary>Runs the real tools (or none) and records each command line.</summary>
    private sealed class RecordingTools(IToolRunner? real) : IToolRunner
    {
        public List<string> Ran { get; } = [];

        public string? Find(string tool) => real?.Find(tool);

        public ToolResult? Run(string tool, IReadOnlyList<string> args, string workingDirectory, IReadOnlyDictionary<string, string>? environment = null)
        {
            Ran.Add(string.Join(' ', [tool, .. args]));
            return real?.Run(tool, args, workingDirectory, environment);
        }
    }
}
