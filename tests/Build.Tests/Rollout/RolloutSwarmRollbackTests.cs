using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Build.Tests.Rollout;

/// <summary>A failing health check on the Swarm lab S2 left: Swarm's own failure_action rolls it back, and the deploy says so.</summary>
public sealed partial class RolloutTests
{
    /// <summary>The workers' shared health check as the compose file has it (x-worker), and one that always fails, probed every 2 s (its monitor renders to 4 s).</summary>
    private const string WorkerHealthcheck =
        "    test: [\"CMD\", \"python\", \"-c\", \"import os, urllib.request; urllib.request.urlopen('http://127.0.0.1:' + os.environ['KTRDR_WORKER_PORT'] + '/metrics', timeout=5)\"]\n" +
        "    interval: 30s\n    timeout: 10s\n    start_period: 40s\n    retries: 3\n";

    /// <summary>
    /// The same probe every 2 s after a 20 s start period: its monitor renders to 28 s instead of 140 s, so the update to it
    /// and, above all, Swarm's rollback to it (a rollback runs under the previous spec's rollback_config) take seconds, not minutes.
    /// </summary>
    private const string QuickHealthcheck =
        "    test: [\"CMD\", \"python\", \"-c\", \"import os, urllib.request; urllib.request.urlopen('http://127.0.0.1:' + os.environ['KTRDR_WORKER_PORT'] + '/metrics', timeout=5)\"]\n" +
        "    interval: 2s\n    timeout: 2s\n    start_period: 20s\n    retries: 3\n";

    private const string FailingHealthcheck = "    test: [\"CMD-SHELL\", \"exit 1\"]\n    interval: 2s\n    timeout: 2s\n    start_period: 0s\n    retries: 1\n";

    /// <summary>
    /// After S2 (the lab is a swarm), before S3 (which takes it back to compose): the workers' health check (x-worker, so
    /// both slots of workers-b and workers-c) first made quick, then made to fail; the second deploy fails, naming each of
    /// those services as rolled back by Swarm, and every service runs its previous spec again (the quick check), 1/1.
    /// </summary>
    [Fact]
    public async Task S2b_A_worker_whose_health_check_fails_is_rolled_back_by_Swarm_and_reported_and_the_previous_spec_keeps_running()
    {
        var (relative, root) = CopiedDeployRoot("ops-unhealthy-worker");
        var workers = $"{relative}/environments/homelab/docker-compose.workers.yml";
        lab.Sandbox.Replace(workers, WorkerHealthcheck, QuickHealthcheck);
        var watch = Stopwatch.StartNew();
        var quick = await Run("DeployCore", "DeployWorkers", "DeployGpu", "--engine", "swarm", "--deploy-root", root, "--skip", "LabUp");
        output.WriteLine($"the update to the quick health check: {watch.Elapsed.TotalSeconds:F1} s");
        Assert.True(quick.ExitCode == 0, quick.ToString());

        lab.Sandbox.Replace(workers, QuickHealthcheck, FailingHealthcheck);
        watch.Restart();
        var failed = await Run("DeployCore", "DeployWorkers", "DeployGpu", "--engine", "swarm", "--deploy-root", root, "--skip", "LabUp", "--health-timeout", "5m");
        output.WriteLine($"the failing update, until Swarm rolled it back: {watch.Elapsed.TotalSeconds:F1} s");
        Assert.Equal(1, failed.ExitCode);
        Assert.Contains("the stack did not converge", failed.Output);
        foreach (var service in new[] { "workers-b-backtest-worker-1", "workers-b-training-worker-1", "workers-c-backtest-worker-1", "workers-c-training-worker-1" })
            Assert.Contains($"{service}: the update failed and was rolled back by Swarm (rollback_completed)", failed.Output);
        Assert.DoesNotMatch(new Regex(@"^\s+at [\w.]+\(", RegexOptions.Multiline), failed.Output);   // no stack trace

        await using var core = await lab.ConnectAsync("core");
        var services = (await RolloutLab.RequireAsync(core, "docker service ls --format '{{.Name}} {{.Replicas}}'")).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(10, services.Length);
        Assert.All(services, s => Assert.EndsWith(" 1/1", s));
        Assert.Contains("urllib", await RolloutLab.RequireAsync(core,
            "docker service inspect --format '{{json .Spec.TaskTemplate.ContainerSpec.Healthcheck.Test}}' ktrdr_workers-b-backtest-worker-1"));
    }
}
