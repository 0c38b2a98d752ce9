using YamlDotNet.RepresentationModel;

namespace Build.Tests;

/// <summary>The GitHub workflows only call the build: every target and parameter they name must exist in it.</summary>
public class WorkflowTests
{
    private static readonly string Workflows = Path.Combine(BuildSandbox.RepoRoot, ".github", "workflows");

    [Fact]
    public void The_four_workflows_exist()
    {
        Assert.Equal(["build-images.yml", "ci.yml", "deploy.yml", "drift.yml"],
            Directory.GetFiles(Workflows, "*.yml").Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Every_target_and_parameter_a_workflow_names_exists_in_the_build()
    {
        var catalog = await BuildCatalog.LoadAsync();
        var problems = new List<string>();
        var commands = 0;
        foreach (var file in Directory.GetFiles(Workflows, "*.yml"))
        {
            var root = Load(file);
            foreach (var run in Runs(root).Where(r => r.Contains("./build.sh", StringComparison.Ordinal)))
            {
                commands++;
                var (targets, options) = catalog.Read(run, variable => Choices(root, variable));
                if (targets.Count == 0) problems.Add($"{Path.GetFileName(file)}: '{run}' names no target");
                problems.AddRange(targets.Where(t => !catalog.Targets.Contains(t)).Select(t => $"{Path.GetFileName(file)}: no target {t}"));
                problems.AddRange(options.Where(o => !catalog.ParameterTypes.ContainsKey(o) && !BuildCatalog.EngineOptions.Contains(o))
                    .Select(o => $"{Path.GetFileName(file)}: no parameter {o}"));
            }
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.True(commands >= 4, $"only {commands} ./build.sh commands found");
    }

    [Fact]
    public void The_test_workflow_runs_exactly_READMEs_test_command()
    {
        var readme = File.ReadAllText(Path.Combine(BuildSandbox.RepoRoot, "README.md"));
        var test = readme.Split("<!-- test-command -->")[1].Split("<!-- /test-command -->")[0].Trim().Trim('`').Trim();
        Assert.Equal("./build.sh Test", test);
        Assert.Contains(Runs(Load(Path.Combine(Workflows, "ci.yml"))), r => r.EndsWith(test, StringComparison.Ordinal));
    }

    [Fact]
    public void The_drift_workflow_runs_Diff_on_the_homelab_daily_and_by_hand_on_the_self_hosted_runner()
    {
        var root = Load(Path.Combine(Workflows, "drift.yml"));
        var on = (YamlMappingNode)root["on"];

        Assert.True(on.Children.ContainsKey("schedule") && on.Children.ContainsKey("workflow_dispatch"));
        Assert.Contains(Runs(root), r => r.StartsWith("./build.sh Diff --environment homelab", StringComparison.Ordinal));
        Assert.Contains("self-hosted", ((YamlMappingNode)((YamlMappingNode)root["jobs"])["diff"])["runs-on"].ToString());
    }

    [Fact]
    public async Task The_scheduled_drift_run_compares_each_node_with_its_own_stamp_and_only_a_tag_given_by_hand_with_that_tag()
    {
        var root = Load(Path.Combine(Workflows, "drift.yml"));
        var job = (YamlMappingNode)((YamlMappingNode)root["jobs"])["diff"];
        var diffs = ((YamlSequenceNode)job["steps"]).Children.OfType<YamlMappingNode>()
            .Where(step => step.Children.TryGetValue("run", out var run) && run.ToString().Contains("./build.sh Diff", StringComparison.Ordinal)).ToList();
        var catalog = await BuildCatalog.LoadAsync();

        // without --tag (and no TAG/KTRDR_TAG variable to give it one), Diff compares each node with what its stamp says was deployed
        var scheduled = Assert.Single(diffs, step => step["if"].ToString().Contains("!inputs.tag", StringComparison.Ordinal));
        Assert.DoesNotContain("--tag", catalog.Read(scheduled["run"].ToString(), _ => []).Options);
        var byHand = Assert.Single(diffs, step => step != scheduled);
        Assert.Contains("--tag", catalog.Read(byHand["run"].ToString(), _ => []).Options);
        foreach (var env in new[] { root, job }.Concat(diffs).Select(n => n.Children.TryGetValue("env", out var e) ? (YamlMappingNode)e : null).OfType<YamlMappingNode>())
            Assert.DoesNotContain(env.Children.Keys, k => k.ToString() is "TAG" or "KTRDR_TAG");
        var dispatch = (YamlMappingNode)((YamlMappingNode)root["on"])["workflow_dispatch"];
        Assert.Equal("", ((YamlMappingNode)((YamlMappingNode)dispatch["inputs"])["tag"])["default"].ToString());
    }

    [Fact]
    public void The_checker_itself_catches_an_unknown_target_and_parameter()
    {
        var catalog = new BuildCatalog(new HashSet<string> { "DeployWorkers" }, new Dictionary<string, string> { ["--tag"] = "string", ["--confirm"] = "bool" });
        var (targets, options) = catalog.Read("./build.sh DeployWorkers Deploy-Everything --tag sha-1 --confirm --colour red", _ => []);
        Assert.Equal(["DeployWorkers", "Deploy-Everything", "red"], targets);
        Assert.Equal(["--tag", "--confirm", "--colour"], options);
    }

    private static YamlMappingNode Load(string file)
    {
        var stream = new YamlStream();
        using var reader = new StreamReader(file);
        stream.Load(reader);
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    /// <summary>Every step's <c>run:</c> text in every job.</summary>
    private static IEnumerable<string> Runs(YamlMappingNode root) =>
        ((YamlMappingNode)root["jobs"]).Children.Values.OfType<YamlMappingNode>()
            .SelectMany(job => job.Children.TryGetValue("steps", out var steps) ? ((YamlSequenceNode)steps).Children.OfType<YamlMappingNode>() : [])
            .Where(step => step.Children.ContainsKey("run")).Select(step => ((YamlScalarNode)step["run"]).Value ?? "");

    /// <summary>The values a step variable can take: its env maps it to a workflow_dispatch input whose options are listed.</summary>
    private static IEnumerable<string> Choices(YamlMappingNode root, string variable)
    {
        var on = (YamlMappingNode)root["on"];
        if (!on.Children.TryGetValue("workflow_dispatch", out var dispatch)) return [$"${variable}"];
        var inputs = (YamlMappingNode)((YamlMappingNode)dispatch)["inputs"];
        var input = inputs.Children.FirstOrDefault(i => ((YamlScalarNode)i.Key).Value!.Replace("-", "").Equals(variable, StringComparison.OrdinalIgnoreCase)).Value as YamlMappingNode;
        return input is not null && input.Children.TryGetValue("options", out var options)
            ? ((YamlSequenceNode)options).Children.OfType<YamlScalarNode>().Select(o => o.Value!)
            : [$"${variable}"];
    }
}
