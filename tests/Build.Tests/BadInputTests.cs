using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace Build.Tests;

/// <summary>
/// Issue 16 end to end: the real build process given a bad input answers with a clear error (exit code, the file and
/// line or the parameter, what to do), prints no stack trace, and changes no file outside .artifacts/.
/// </summary>
public class BadInputTests
{
    private const string Topology = "deploy/environments/homelab/topology.yml";
    private const string Homelab = "--environment=homelab";

    /// <summary>Runs the build after <paramref name="edit"/> and checks what every bad input must satisfy.</summary>
    private static async Task<BuildRun> Rejected(int exitCode, Action<BuildSandbox>? edit, params string[] args)
    {
        using var sandbox = new BuildSandbox();
        edit?.Invoke(sandbox);
        var before = Snapshot(sandbox.Root);

        var run = await sandbox.RunAsync(args);

        Assert.True(run.ExitCode == exitCode, run.ToString());
        Assert.DoesNotContain("   at ", run.Output);
        Assert.DoesNotContain("Stack overflow", run.Output);
        Assert.DoesNotContain("Unhandled exception", run.Output);
        Assert.Equal(before, Snapshot(sandbox.Root));
        Assert.False(Directory.Exists(sandbox.RenderDir("homelab")), "nothing may be rendered");
        return run;
    }

    /// <summary>Every file outside .artifacts/ with the hash of its content.</summary>
    private static SortedDictionary<string, string> Snapshot(string root)
    {
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(root, file);
            if (relative.StartsWith(".artifacts" + Path.DirectorySeparatorChar, StringComparison.Ordinal)) continue;
            files[relative] = Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(file)));
        }
        return files;
    }

    private static Action<BuildSandbox> InTopology(string from, string to) => s => s.Replace(Topology, from, to);

    [Theory]
    [InlineData("--tag", "bad tag!$x", "--tag: \"bad tag!$x\" is not valid: expected a Docker image tag")]
    [InlineData("--tag", "-v1", "--tag: \"-v1\" is not valid")]
    [InlineData("--batch-size", "0", "--batch-size: \"0\" is not valid: expected 1 or more (from the command line)")]
    [InlineData("--batch-size", "-2", "--batch-size: \"-2\" is not valid: expected 1 or more")]
    public async Task A_bad_parameter_value_is_rejected_before_any_target_runs(string parameter, string value, string message)
    {
        var run = await Rejected(2, null, "DeployWorkers", Homelab, "--dry-run", parameter, value);
        Assert.Contains(message, run.Output);
        Assert.DoesNotContain("Starting", run.Output);
    }

    [Fact]
    public async Task A_200_character_tag_is_rejected_with_its_length()
    {
        var run = await Rejected(2, null, "--plan", "RenderConfigs", Homelab, "--tag", new string('a', 200));
        Assert.Contains("(200 characters) is not valid: expected a Docker image tag", run.Output);
    }

    [Fact]
    public async Task A_bad_parameter_from_the_environment_names_the_variable()
    {
        using var sandbox = new BuildSandbox();
        var run = await sandbox.RunAsync(["RenderConfigs", Homelab], new Dictionary<string, string?> { ["KTRDR_TAG"] = "a b" });
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("(from environment variable KTRDR_TAG)", run.Output);
    }

    [Fact]
    public async Task A_switch_given_a_value_says_so_instead_of_unknown_target()
    {
        var run = await Rejected(2, null, "Status", Homelab, "--confirm", "maybe");
        Assert.Contains("--confirm is a switch: it takes no value, or true/false (found \"maybe\")", run.Output);
        Assert.DoesNotContain("Unknown target", run.Output);
    }

    [Theory]
    [InlineData("")]
    [InlineData(",")]
    public async Task A_target_node_that_names_nothing_is_an_error_not_every_node(string value)
    {
        var run = await Rejected(2, null, "RenderConfigs", Homelab, "--target-node", value);
        Assert.Contains("--target-node: the value given names nothing: expected a node name, a comma-separated list, or all", run.Output);
        Assert.DoesNotContain("Starting", run.Output);
    }

    [Fact]
    public async Task A_topology_nested_15000_levels_deep_is_an_error_with_its_line_not_a_stack_overflow()
    {
        var nested = new string('[', 15_000) + new string(']', 15_000);
        var run = await Rejected(1, InTopology("env: {}", "env: { DEEP: " + nested + " }"), "RenderConfigs", Homelab);
        Assert.Matches(@"topology\.yml:\d+:\d+: this is not valid YAML: the file nests lists or mappings more than 64 levels deep", run.Output);
        Assert.True(run.Output.Length < 10_000, $"{run.Output.Length} characters of output");
    }

    [Theory]
    [InlineData("env: { NODE_NAME: evil }", "env.NODE_NAME: expected a variable the deploy does not generate")]
    [InlineData("env: { KTRDR_IMAGE: mine }", "images.ktrdr.env (the image reference)")]
    [InlineData("env: { FOO: \"bar\\nNODE_NAME=evil\" }", "env.FOO: expected a one-line text value without control characters")]
    public async Task A_topology_env_that_would_corrupt_a_nodes_env_file_is_an_error(string env, string message)
    {
        var run = await Rejected(1, InTopology("env: {}", env), "RenderConfigs", Homelab);
        Assert.Matches(@"topology\.yml:\d+:\d+: ", run.Output);
        Assert.Contains(message, run.Output);
        Assert.Contains("hint:", run.Output);
    }

    [Fact]
    public async Task Deploying_a_node_of_another_role_names_its_role_and_the_target_that_deploys_it()
    {
        var run = await Rejected(2, null, "DeployWorkers", Homelab, "--dry-run", "--target-node", "core");
        Assert.Contains("--target-node: node \"core\" has role core, which DeployWorkers does not deploy", run.Output);
        Assert.DoesNotContain("Starting ", run.Output);   // checked before any target (RenderConfigs, or LabUp in the lab) starts
        Assert.Contains("run ./build.sh DeployCore --target-node core", run.Output);
        Assert.DoesNotContain("nothing to do", run.Output);
    }

    [Fact]
    public async Task In_the_lab_a_node_of_another_role_is_refused_before_the_lab_is_brought_up()
    {
        var run = await Rejected(2, null, "DeployGpu", "--target-node", "workers-b");
        Assert.Contains("--target-node: node \"workers-b\" has role workers, which DeployGpu does not deploy", run.Output);
        Assert.DoesNotContain("LabUp", run.Output);
    }

    [Fact]
    public async Task A_dashboard_that_is_an_empty_list_fails_the_render_with_its_file()
    {
        var run = await Rejected(1, s => File.WriteAllText(Path.Combine(s.Root, "deploy/shared/grafana/dashboards/operations.json"), "[]"),
            "RenderConfigs", Homelab);
        Assert.Matches(@"operations\.json:1:1: expected a dashboard \(a JSON object with title and panels\), found an empty list", run.Output);
        Assert.Contains("1 problem(s) in 1 file(s); nothing was written", run.Output);
    }

    [Fact]
    public async Task A_broken_datasources_file_is_reported_alone()
    {
        var run = await Rejected(1, s => File.WriteAllText(Path.Combine(s.Root, "deploy/shared/grafana/datasources.yml"), "datasources: [\n"),
            "RenderConfigs", Homelab);
        Assert.Matches(@"datasources\.yml:\d+:\d+: this is not valid YAML", run.Output);
        Assert.Contains("are checked once it reads", run.Output);
        Assert.Contains("1 problem(s) in 1 file(s); nothing was written", run.Output);
    }

    private const string WorkerRules = "deploy/shared/prometheus/rules/workers.yml";
    private const string WorkerRuleTests = "deploy/shared/prometheus/tests/workers.test.yml";

    /// <summary>Issue #18's bad inputs: file, the edit (from, to), the line it must be reported at (the nth line holding a text), and what the message says.</summary>
    public static TheoryData<string, string, string, string, int, string> AlertingMistakes => new()
    {
        // a rule with invalid PromQL: promtool check rules, at the expression
        { WorkerRules, "max by (worker_type) (up{gpu=", "max by (worker_type (up{gpu=", "max by (worker_type) (up{gpu=", 1, "could not parse expression" },
        // a rule reading a metric nobody exports: the cross-file check, at the rule's expr
        { WorkerRules, "ktrdr_workers_registered_total{job=", "ktrdr_workers_registred_total{job=", "expr: |", 1, "\"ktrdr_workers_registred_total\"" },
        // a receiver without its secret: the topology, at the receiver's line
        { Topology, "secret: ALERT_RECEIVER_SECRET }", "secret: ALERT_RECEIVER_SECRT }", "secret: ALERT_RECEIVER_SECRET }", 1, "declared under secrets" },
        // a test file that expects the wrong labels: promtool test rules, at the failing case (exp: and got: labels follow on their own lines)
        { WorkerRuleTests, "exp_labels: {severity: warning, worker_type: training}", "exp_labels: {severity: warning, worker_type: backtesting}",
          "alertname: KtrdrNoGpuTrainingWorker", 2, "alert KtrdrNoGpuTrainingWorker at 6m: the rule does not give what this case expects" },
    };

    [Theory]
    [MemberData(nameof(AlertingMistakes))]
    public async Task An_alerting_mistake_is_a_clear_error_from_RenderConfigs_at_its_file_and_line(string file, string from, string to, string lineText, int nth, string message)
    {
        var lines = File.ReadAllLines(Path.Combine(BuildSandbox.RepoRoot, file));
        var line = Enumerable.Range(0, lines.Length).Where(i => lines[i].Contains(lineText, StringComparison.Ordinal)).Skip(nth - 1).First() + 1;
        var run = await Rejected(1, s => s.Replace(file, from, to), "RenderConfigs", Homelab);
        Assert.Matches(new Regex($@"{Regex.Escape(Path.GetFileName(file))}:{line}:\d+: [^\n]*{Regex.Escape(message)}"), run.Output);
    }
}
