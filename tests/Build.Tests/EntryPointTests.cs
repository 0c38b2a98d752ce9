namespace Build.Tests;

/// <summary>The entry point as a person meets it: help, plan, unknown names, the not-yet targets.</summary>
public class EntryPointTests
{
    private static readonly string[] Graph =
        ["Restore", "BuildImages", "PushGhcr", "RenderConfigs", "SyncNfsLayout", "DeployCore", "DeployWorkers", "DeployGpu", "Verify", "LabUp", "LabDown", "Test"];

    [Fact]
    public async Task Help_lists_the_whole_target_graph_and_the_parameters()
    {
        using var sandbox = new BuildSandbox();
        var run = await sandbox.RunAsync("--help");
        Assert.Equal(0, run.ExitCode);
        foreach (var target in Graph) Assert.Contains(target, run.Output);
        Assert.Contains("--target-node <string[]>", run.Output);
        Assert.Contains("KTRDR_TARGET_NODE", run.Output);
        Assert.Matches(@"DeployWorkers +Roll out the worker stacks", run.Output);
    }

    [Fact]
    public async Task Plan_for_one_worker_node_orders_dependencies_and_runs_nothing()
    {
        using var sandbox = new BuildSandbox();
        var run = await sandbox.RunAsync("--plan", "deploy-workers", "--target-node", "workers-b");
        Assert.Equal(0, run.ExitCode);
        var order = new[] { "LabUp", "RenderConfigs", "DeployWorkers" }.Select(t => run.Output.IndexOf(t + " ", StringComparison.Ordinal)).ToList();
        Assert.All(order, i => Assert.True(i >= 0, run.ToString()));
        Assert.Equal(order.Order(), order);
        Assert.Contains("dependency of DeployWorkers", run.Output);
        Assert.False(Directory.Exists(sandbox.RenderDir("lab")), "--plan must not render anything");
    }

    [Fact]
    public async Task An_unknown_target_suggests_the_closest_and_exits_2()
    {
        using var sandbox = new BuildSandbox();
        var run = await sandbox.RunAsync("DeployWorker");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Did you mean \"DeployWorkers\"?", run.Output);
    }

    [Fact]
    public async Task A_homelab_deploy_without_its_secrets_stops_before_any_node_is_touched()
    {
        using var sandbox = new BuildSandbox();
        var run = await sandbox.RunAsync(["DeployCore", "--environment", "homelab", "--tag", "sha-1a2b3c4", "--confirm"],
            new Dictionary<string, string?> { ["PATH"] = "/usr/bin:/bin" });   // no `op` on PATH
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("6 secrets are unavailable; nothing was deployed and no node was touched", run.Output);
        Assert.Contains("DB_PASSWORD (op://KTRDR Homelab Secrets/ktrdr-homelab-core/db_password)", run.Output);
        Assert.Contains("RenderConfigs | Succeeded", run.Output);   // its dependency really ran
        Assert.DoesNotContain("pre-flight", run.Output);
        Assert.DoesNotContain("connect", run.Output);
        Assert.DoesNotContain("   at ", run.Output);
    }

    [Fact]
    public async Task A_homelab_deploy_without_confirm_prints_its_plan_and_stops()
    {
        using var sandbox = new BuildSandbox();
        var run = await sandbox.RunAsync("DeployWorkers", "--environment", "homelab", "--tag", "sha-1a2b3c4");
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("$ cd -- '/opt/ktrdr-workers-c' && docker compose -p ktrdr", run.Output);   // the plan came first
        Assert.Contains("DeployWorkers changes homelab's nodes: the plan is above. Run again with --confirm", run.Output);
        Assert.DoesNotContain("unavailable", run.Output);   // stopped before any secret was asked for
    }

    [Fact]
    public async Task A_dry_run_prints_each_nodes_steps_and_scripts_without_secrets_or_connections()
    {
        using var sandbox = new BuildSandbox();
        var run = await sandbox.RunAsync("DeployWorkers", "--environment", "homelab", "--dry-run", "--tag", "sha-1a2b3c4");
        Assert.True(run.ExitCode == 0, run.ToString());
        foreach (var node in new[] { "workers-b", "workers-c" })
            Assert.Contains($"{node} (root@{node}.ktrdr.home.mynerd.place, /opt/ktrdr-{node})", run.Output);
        Assert.Contains("$ cd -- '/opt/ktrdr-workers-b' && docker compose -p ktrdr -f 'docker-compose.workers.yml' up -d --remove-orphans", run.Output);
        Assert.Contains("logged in to ghcr.io as kpiteira through a throw-away DOCKER_CONFIG", run.Output);
        Assert.DoesNotContain("gpu", run.Output.Split("Starting DeployWorkers")[1]);
        Assert.DoesNotContain("pre-flight   ", run.Output);
    }

    [Fact]
    public async Task Under_GitHub_Actions_each_target_is_a_log_group_and_failures_are_annotated()
    {
        using var sandbox = new BuildSandbox();
        var run = await sandbox.RunAsync(["RenderConfigs", "--environment", "homelab", "--target-node", "workers-z", "--tag", "sha-1a2b3c4"],
            new Dictionary<string, string?> { ["GITHUB_ACTIONS"] = "true" });
        Assert.Contains("::group::RenderConfigs", run.Output);
        Assert.Contains("::endgroup::", run.Output);
        Assert.Contains("::error title=RenderConfigs failed::", run.Output);
    }
}
