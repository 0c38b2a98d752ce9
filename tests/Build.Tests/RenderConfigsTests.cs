namespace Build.Tests;

/// <summary>RenderConfigs end to end: what it writes, and what it refuses to write.</summary>
public class RenderConfigsTests
{
    private const string Tag = "sha-1a2b3c4";

    [Fact]
    public async Task Renders_every_homelab_node_with_its_manifest_and_is_repeatable()
    {
        using var sandbox = new BuildSandbox();
        var first = await sandbox.RunAsync("RenderConfigs", "--environment", "homelab", "--tag", Tag);
        Assert.True(first.ExitCode == 0, first.ToString());
        foreach (var node in new[] { "core", "workers-b", "workers-c", "gpu" })
            Assert.True(File.Exists(Path.Combine(sandbox.RenderDir("homelab", node), "manifest.json")), node);
        Assert.True(File.Exists(Path.Combine(sandbox.RenderDir("homelab", "core"), "prometheus", "prometheus.yml")));
        var manifest = File.ReadAllText(Path.Combine(sandbox.RenderDir("homelab", "workers-b"), "manifest.json"));

        var second = await sandbox.RunAsync("RenderConfigs", "--environment", "homelab", "--tag", Tag);
        Assert.Equal(0, second.ExitCode);
        Assert.Equal(manifest, File.ReadAllText(Path.Combine(sandbox.RenderDir("homelab", "workers-b"), "manifest.json")));
    }

    [Fact]
    public async Task The_local_single_host_stack_renders_with_its_workers_scraped_as_a_job_of_their_own()
    {
        using var sandbox = new BuildSandbox();
        var run = await sandbox.RunAsync("RenderConfigs", "--environment", "local", "--tag", Tag);
        Assert.True(run.ExitCode == 0, run.ToString());

        var prometheus = File.ReadAllText(Path.Combine(sandbox.RenderDir("local", "local"), "prometheus", "prometheus.yml"));
        Assert.Contains("job_name: ktrdr-backend", prometheus);
        Assert.Contains("job_name: ktrdr-workers", prometheus);   // what the worker dashboards select (ktrdr-workers.*)
        Assert.Contains("'backtest-worker:5003'", prometheus);
        Assert.Contains("'training-worker:5005'", prometheus);
        Assert.True(File.Exists(Path.Combine(sandbox.RenderDir("local", "local"), "grafana", "datasources.yml")));
        // the same alerting as the homelab: rules loaded, Alertmanager configured and scraped, the backup's age scraped
        Assert.Contains("rule_files:\n  - rules/*.yml", prometheus);
        Assert.Contains("targets: ['alertmanager:9093']", prometheus);
        Assert.Contains("job_name: node-exporter", prometheus);
        Assert.True(File.Exists(Path.Combine(sandbox.RenderDir("local", "local"), "prometheus", "rules", "backups.yml")));
        Assert.Contains("slack_configs", File.ReadAllText(Path.Combine(sandbox.RenderDir("local", "local"), "alertmanager", "alertmanager.yml")));
    }

    [Fact]
    public async Task Switching_the_engine_renders_again_even_when_nothing_else_changed()
    {
        using var sandbox = new BuildSandbox();
        var compose = await sandbox.RunAsync("RenderConfigs", "--environment", "lab", "--tag", Tag);
        Assert.True(compose.ExitCode == 0, compose.ToString());
        var stack = Path.Combine(sandbox.RenderDir("lab", "core"), "docker-stack.yml");
        Assert.False(File.Exists(stack));

        var swarm = await sandbox.RunAsync("RenderConfigs", "--environment", "lab", "--engine", "swarm", "--tag", Tag);

        Assert.True(swarm.ExitCode == 0, swarm.ToString());
        Assert.DoesNotContain("Up to date", swarm.Output);
        Assert.True(File.Exists(stack));
    }

    [Fact]
    public async Task Target_node_renders_only_that_node()
    {
        using var sandbox = new BuildSandbox();
        var run = await sandbox.RunAsync("RenderConfigs", "--environment", "homelab", "--target-node", "workers-b", "--tag", Tag);
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(["workers-b"], Directory.GetDirectories(sandbox.RenderDir("homelab")).Select(Path.GetFileName));
    }

    [Fact]
    public async Task An_unknown_node_lists_the_valid_ones_and_writes_nothing()
    {
        using var sandbox = new BuildSandbox();
        var run = await sandbox.RunAsync("RenderConfigs", "--environment", "homelab", "--target-node", "workers-x", "--tag", Tag);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("environment homelab has no node \"workers-x\"", run.Output);
        Assert.Contains("core, workers-b, workers-c, gpu", run.Output);
        Assert.False(Directory.Exists(sandbox.RenderDir("homelab")));
    }

    [Fact]
    public async Task A_broken_deploy_tree_elsewhere_fails_with_file_line_and_hint_and_writes_nothing()
    {
        using var sandbox = new BuildSandbox();
        var elsewhere = Path.Combine(sandbox.Root, "ops-deploy");
        Directory.Move(Path.Combine(sandbox.Root, "deploy"), elsewhere);
        sandbox.Replace("ops-deploy/environments/homelab/docker-compose.workers.yml", "--port 5005", "--port 5002");
        var run = await sandbox.RunAsync("RenderConfigs", "--environment", "homelab", "--deploy-root", elsewhere, "--tag", Tag);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("check port agreement             FAILED", run.Output);
        Assert.Matches(@"docker-compose\.workers\.yml:\d+:\d+: services\.training-worker-1\.ports: publishes container port 5005 but the process listens on 5002", run.Output);
        Assert.Contains("hint:", run.Output);
        Assert.Contains("nothing was written", run.Output);
        Assert.DoesNotContain("   at ", run.Output);
        Assert.False(Directory.Exists(sandbox.RenderDir("homelab")));
    }

    [Fact]
    public async Task A_bad_topology_value_names_file_line_field_and_what_to_do()
    {
        using var sandbox = new BuildSandbox();
        sandbox.Replace("deploy/environments/homelab/topology.yml", "api_environment: production", "api_environment: prod");
        var run = await sandbox.RunAsync("RenderConfigs", "--environment", "homelab", "--tag", Tag);
        Assert.Equal(1, run.ExitCode);
        Assert.Matches(@"topology\.yml:\d+:\d+: api_environment: ", run.Output);
        Assert.Contains("production", run.Output);
        Assert.DoesNotContain("   at ", run.Output);
        Assert.False(Directory.Exists(sandbox.RenderDir("homelab")));
    }

    [Fact]
    public async Task An_unknown_environment_lists_the_available_ones()
    {
        using var sandbox = new BuildSandbox();
        var run = await sandbox.RunAsync("RenderConfigs", "--environment", "homelabb", "--tag", Tag);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("homelab", run.Output);
        Assert.Contains("lab", run.Output);
        Assert.Contains("local", run.Output);
    }

    [Fact]
    public async Task Engine_swarm_renders_the_environment_as_a_stack_and_refuses_the_homelabs_alertmanager_at_its_line_writing_nothing()
    {
        using var sandbox = new BuildSandbox();
        var compose = Path.Combine(sandbox.Root, "deploy", "environments", "homelab", "docker-compose.core.yml");
        var line = Array.FindIndex(File.ReadAllLines(compose), l => l.TrimStart().StartsWith("ALERT_RECEIVER_SECRET:", StringComparison.Ordinal)) + 1;

        var run = await sandbox.RunAsync("RenderConfigs", "--environment", "homelab", "--engine", "swarm", "--tag", Tag);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("check swarm stack                FAILED (1)", run.Output);
        Assert.Contains($"docker-compose.core.yml:{line}:7: services.alertmanager.environment.ALERT_RECEIVER_SECRET:", run.Output);
        Assert.Contains("nothing was written", run.Output);
        Assert.False(Directory.Exists(sandbox.RenderDir("homelab")));
        Assert.DoesNotContain("   at ", run.Output);   // a message, no stack trace
    }

    [Fact]
    public async Task Engine_compose_is_the_topologys_own_engine_and_writes_no_stack_file()
    {
        using var sandbox = new BuildSandbox();

        var run = await sandbox.RunAsync("RenderConfigs", "--environment", "homelab", "--engine", "compose", "--target-node", "core", "--tag", Tag);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.True(File.Exists(Path.Combine(sandbox.RenderDir("homelab", "core"), "docker-compose.core.yml")));
        Assert.False(File.Exists(Path.Combine(sandbox.RenderDir("homelab", "core"), "docker-stack.yml")));
    }

    [Fact]
    public async Task An_unknown_engine_names_the_two_there_are()
    {
        using var sandbox = new BuildSandbox();

        var run = await sandbox.RunAsync("RenderConfigs", "--environment", "homelab", "--engine", "swarmm", "--tag", Tag);

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("--engine: \"swarmm\" is not one of: compose, swarm", run.Output);
    }
}
