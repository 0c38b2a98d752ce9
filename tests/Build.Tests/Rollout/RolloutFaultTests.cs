using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Build.Tests.Rollout;

/// <summary>
/// The faults a homelab has, on the same lab after the A and B tests: each asserts what the operator sees and that
/// nothing is lost (workers keep serving, operations finish, the database keeps its rows, a rerun converges).
/// </summary>
public sealed partial class RolloutTests
{
    private const string Next = "sha-e2e0002";   // pushed by B2

    private string Container(string node) => $"ktrdr-lab-{lab.Id}-{node}";

    private async Task<string> CoreAddressAsync() =>
        JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(lab.Sandbox.Root, ".artifacts", "lab", "lab.json")))!["nodes"]!["core"]!.GetValue<string>();

    [Fact]
    public async Task C1_Rollback_without_a_tag_goes_to_the_previous_good_deploy_in_the_audit_and_never_to_one_the_health_gate_rejected()
    {
        // after B3, workers-c keeps the rejected bundle as .previous and no other good deploy: it must not go there
        var refused = await lab.RunBareAsync("Rollback", "--target-node", "workers-c");
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("Rollback stopped, no node was touched", refused.Output);
        Assert.Contains("no earlier successful deploy of another bundle", refused.Output);
        Assert.DoesNotContain("swap back", refused.Output);

        var toTag = await lab.RunTaggedAsync(Next, "Rollback", "--target-node", "workers-c");   // a named tag goes through the deploy path
        Assert.True(toTag.ExitCode == 0, toTag.ToString());
        Assert.Matches(new Regex(@"workers-c +deployed "), toTag.Output);
        Assert.Matches(new Regex($@"workers-c +backtest-worker-1 +{Next} +running"), (await Run("Status", "--target-node", "workers-c")).Output);

        var back = await lab.RunBareAsync("Rollback", "--target-node", "workers-c");
        Assert.True(back.ExitCode == 0, back.ToString());
        Assert.Matches(new Regex($@"workers-c +back to tag {RolloutLab.Tag} \(bundle [0-9a-f]{{12}}, deployed by Deploy"), back.Output);
        Assert.Matches(new Regex($@"workers-c +rolled back to tag {RolloutLab.Tag} +[0-9.]+s"), back.Output);
        Assert.Matches(new Regex($@"workers-c +backtest-worker-1 +{RolloutLab.Tag} +running"), (await Run("Status", "--target-node", "workers-c")).Output);
    }

    [Fact]
    public async Task C2_A_busy_worker_finishes_its_operation_before_the_update_replaces_it()
    {
        using var http = new HttpClient { BaseAddress = new Uri($"http://{await CoreAddressAsync()}:8000"), Timeout = TimeSpan.FromSeconds(20) };
        // both worker nodes' bundles rendered first and the deploy below skips LabUp and RenderConfigs (--force would
        // render and check again: 40 s on a loaded CI machine, longer than the operation), so it reaches its drain in
        // seconds, and an operation several times that long on a loaded machine is still running when the drain asks
        foreach (var candidate in new[] { "workers-b", "workers-c" })
        {
            var render = await Run("RenderConfigs", "--target-node", candidate);
            Assert.True(render.ExitCode == 0, render.ToString());
        }
        var start = await http.PostAsJsonAsync("/api/v1/backtests/start",
            new { strategy_name = "mean_reversion", start_date = "2024-01-01", end_date = "2024-06-30", standin_seconds = 60 });
        var started = JsonNode.Parse(await start.Content.ReadAsStringAsync())!;
        Assert.True(start.IsSuccessStatusCode, started.ToJsonString());
        var id = started["operation_id"]!.GetValue<string>();
        var node = Regex.Match(started["message"]!.GetValue<string>(), @"on worker (workers-[a-z])-").Groups[1].Value;
        Assert.NotEmpty(node);

        var deploy = await Run("DeployWorkers", "--target-node", node, "--force", "--skip", "LabUp,RenderConfigs");
        Assert.True(deploy.ExitCode == 0, deploy.ToString());
        Assert.Matches(new Regex($@"{node} +drain +backtest-worker-1 idle, registered available after waiting \d+ s"), deploy.Output);
        // the training worker is replaced with it (one of each kind per batch), once the busy backtest worker is done
        Assert.Matches(new Regex($@"{node} +update +backtest-worker-1(, [a-z0-9-]+)* replaced, healthy and serving"), deploy.Output);

        var operation = JsonNode.Parse(await http.GetStringAsync($"/api/v1/operations/{id}"))!["data"]!;
        Assert.Equal("completed", operation["status"]!.GetValue<string>());   // not cut off, not cancelled
    }

    [Fact]
    public async Task C3_With_the_registry_down_a_deploy_stops_untouched_a_rollback_failing_at_pull_is_undone_and_a_rerun_converges()
    {
        // LabUp would start the registry again (it heals the lab), so these runs skip it, as a homelab run has none
        await lab.DockerAsync(null, "stop", "--time", "1", $"ktrdr-lab-{lab.Id}-registry");
        BuildRun deploy, rollback;
        try
        {
            deploy = await Run("DeployWorkers", "--target-node", "workers-b", "--force", "--skip", "LabUp");
            // after B2, workers-b's previous good deploy is the Patch of sha-e2e0002, kept as .previous: the swap works, the pull cannot
            rollback = await lab.RunBareAsync("Rollback", "--target-node", "workers-b", "--skip", "LabUp");
            output.WriteLine($"$ ./build.sh Rollback --target-node workers-b --skip LabUp\n{rollback}");
        }
        finally
        {
            await lab.DockerAsync(null, "start", $"ktrdr-lab-{lab.Id}-registry");
        }
        Assert.Equal(1, deploy.ExitCode);
        Assert.Contains("cannot be reached", deploy.Output);
        Assert.DoesNotContain("upload", deploy.Output);
        Assert.DoesNotContain("   at ", deploy.Output);   // a message, not a stack trace

        Assert.Equal(1, rollback.ExitCode);
        Assert.Matches(new Regex(@"workers-b +swap back +.*tag sha-e2e0002"), rollback.Output);
        Assert.Matches(new Regex(@"workers-b +undo +the newer bundle is back in place; no container was changed"), rollback.Output);
        Assert.Contains("1 of 1 node(s) failed", rollback.Output);
        Assert.Matches(new Regex($@"workers-b +backtest-worker-1 +{RolloutLab.Tag} +running"), (await Run("Status", "--target-node", "workers-b")).Output);

        var rerun = await Run("DeployWorkers", "--target-node", "workers-b");   // the lock was released
        Assert.True(rerun.ExitCode == 0, rerun.ToString());
        Assert.Matches(new Regex(@"workers-b +unchanged "), rerun.Output);
    }

    [Fact]
    public async Task C4_A_node_whose_sshd_is_stopped_fails_alone_the_other_completes_and_a_rerun_converges()
    {
        await lab.DockerAsync(null, "exec", Container("workers-c"), "pkill", "-x", "sshd");
        BuildRun partial;
        try
        {
            partial = await Run("DeployWorkers", "--force", "--skip", "LabUp");   // LabUp would wait for the sshd it checks
        }
        finally
        {
            await lab.DockerAsync(null, "exec", Container("workers-c"), "/usr/sbin/sshd", "-E", "/var/log/sshd.log");
        }
        Assert.Equal(1, partial.ExitCode);
        Assert.Matches(new Regex(@"workers-b +deployed "), partial.Output);
        Assert.Matches(new Regex(@"workers-c +FAILED +at connect: "), partial.Output);
        Assert.Contains("1 of 2 node(s) failed; the others completed", partial.Output);

        var rerun = await Run("DeployWorkers");   // not refused: the lock was released
        Assert.True(rerun.ExitCode == 0, rerun.ToString());
        Assert.Matches(new Regex(@"workers-b +unchanged "), rerun.Output);
        Assert.Matches(new Regex(@"workers-c +unchanged "), rerun.Output);
        Assert.Matches(new Regex(@"DeployWorkers +workers-b,workers-c +sha-e2e0001 +failed"), (await Run("History")).Output);
    }

    [Fact]
    public async Task C5_A_failing_disk_space_pre_check_stops_the_deploy_before_any_node_is_touched()
    {
        const string topology = "deploy/environments/lab/topology.yml";
        lab.Sandbox.Replace(topology, "min_free_disk_gb: 2", "min_free_disk_gb: 900000");
        BuildRun run;
        try
        {
            run = await Run("DeployWorkers", "--force");
        }
        finally
        {
            lab.Sandbox.Replace(topology, "min_free_disk_gb: 900000", "min_free_disk_gb: 2");
        }
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("pre-flight failed, no node was touched", run.Output);
        Assert.Matches(new Regex(@"workers-b: .*900000"), run.Output);
        Assert.DoesNotContain("upload", run.Output);
    }

    [Fact]
    public async Task C6_A_changed_host_key_stops_the_run_with_the_fingerprint_to_compare()
    {
        const string regenerate = "cp -a /etc/ssh /root/ssh-kept && rm -f /etc/ssh/ssh_host_* && ssh-keygen -A >/dev/null && pkill -HUP -x sshd";
        const string restore = "rm -rf /etc/ssh && cp -a /root/ssh-kept /etc/ssh && rm -rf /root/ssh-kept && pkill -HUP -x sshd";
        await lab.DockerAsync(null, "exec", Container("workers-b"), "sh", "-c", regenerate);
        BuildRun run;
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(1));   // sshd re-executes itself on SIGHUP
            run = await Run("DeployWorkers", "--target-node", "workers-b", "--force", "--skip", "LabUp");
        }
        finally
        {
            await lab.DockerAsync(null, "exec", Container("workers-b"), "sh", "-c", restore);
        }
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("HOST KEY CHANGED", run.Output);
        Assert.Matches(new Regex(@"SHA256:[A-Za-z0-9+/]{43}"), run.Output);
        Assert.DoesNotContain("upload", run.Output);
    }

    [Fact]
    public async Task C7_Of_two_concurrent_deploys_one_runs_and_the_other_is_refused_with_the_holder_or_with_lock_wait_queues()
    {
        var runs = await Task.WhenAll(Run("DeployGpu", "--force"), Run("DeployGpu", "--force"));

        Assert.Single(runs, r => r.ExitCode == 0);
        var refused = Assert.Single(runs, r => r.ExitCode != 0);
        Assert.Matches(new Regex(@"another deploy holds the lock of lab: \S+@\S+ \(pid \d+\) running DeployGpu on lab since"), refused.Output);
        Assert.DoesNotContain("upload", refused.Output);

        // with --lock-wait the second one queues behind the first instead (two CI jobs racing)
        var queued = await Task.WhenAll(Run("DeployGpu", "--force", "--lock-wait", "2m"), Run("DeployGpu", "--force", "--lock-wait", "2m"));
        Assert.All(queued, r => Assert.True(r.ExitCode == 0, r.ToString()));
        var waiter = Assert.Single(queued, r => r.Output.Contains("Waiting up to 120 s for the deploy lock of lab, held by", StringComparison.Ordinal));
        Assert.Matches(new Regex(@"Took the deploy lock of lab after waiting \d+ s"), waiter.Output);
    }

    [Fact]
    public async Task C8_The_databases_rows_survive_a_redeploy_a_rollback_and_a_restart_of_the_core_node()
    {
        const string rows = "docker exec $(docker ps -q --filter label=com.docker.compose.service=db) " +
                            "sh -c 'PGUSER=\"$POSTGRES_USER\" psql -tAc \"select count(*) || \\$\\$ \\$\\$ || max(operation_id) from operations\" ktrdr'";
        async Task<string> RowsAsync()
        {
            for (var attempt = 0; ; attempt++)
            {
                try
                {
                    await using var core = await lab.ConnectAsync("core");
                    return (await RolloutLab.RequireAsync(core, rows)).Trim();
                }
                catch (Exception) when (attempt < 60) { await Task.Delay(TimeSpan.FromSeconds(2)); }
            }
        }
        var before = await RowsAsync();
        Assert.Matches(new Regex(@"^[1-9]\d* op_"), before);

        Assert.True((await Run("DeployCore", "--force")).ExitCode == 0);
        Assert.Equal(before, await RowsAsync());

        var toTag = await lab.RunTaggedAsync(Next, "Rollback", "--target-node", "core");   // new image tags: the db container is recreated
        Assert.True(toTag.ExitCode == 0, toTag.ToString());
        Assert.Equal(before, await RowsAsync());
        var back = await lab.RunBareAsync("Rollback", "--target-node", "core");
        Assert.True(back.ExitCode == 0, back.ToString());
        Assert.Equal(before, await RowsAsync());

        await lab.DockerAsync(null, "restart", "--time", "5", Container("core"));   // the whole node: its Docker daemon and every container
        Assert.Equal(before, await RowsAsync());
        var green = await Run("Verify", "--verify-timeout", "3m");
        Assert.True(green.ExitCode == 0, green.ToString());
    }

    [Fact]
    public async Task C9_With_GitHub_on_a_deploy_is_recorded_as_a_GitHub_deployment_in_progress_then_successful()
    {
        const string token = "ghs_RolloutDeploymentTokenNeverPrinted0001";
        using var github = new Ktrdr.Deploy.GitHub.Tests.Support.RecordedGitHub();
        github.Answer("POST", "/repos/kpiteira/ktrdr/deployments", 201, "create-deployment-201.json")
            .Answer("POST", "/repos/kpiteira/ktrdr/deployments/1/statuses", 201, "create-deployment-status-201.json");

        var run = await lab.RunWithAsync(new Dictionary<string, string?>
        {
            ["GITHUB_TOKEN"] = token, ["GITHUB_REPOSITORY"] = "kpiteira/ktrdr", ["GITHUB_API_URL"] = github.ApiUrl,
        }, "DeployGpu", "--force", "--tag", RolloutLab.Tag);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("GitHub deployment 1 to lab: in_progress", run.Output);
        Assert.Contains("GitHub deployment 1: success", run.Output);
        Assert.DoesNotContain(token, run.Output);
        var requests = github.Requests;
        Assert.Equal(["/repos/kpiteira/ktrdr/deployments", "/repos/kpiteira/ktrdr/deployments/1/statuses", "/repos/kpiteira/ktrdr/deployments/1/statuses"],
            requests.Select(r => r.Path));
        var created = JsonNode.Parse(requests[0].Body)!;
        Assert.Equal(("lab", false), (created["environment"]!.GetValue<string>(), created["production_environment"]!.GetValue<bool>()));
        Assert.Equal(["in_progress", "success"], requests.Skip(1).Select(r => JsonNode.Parse(r.Body)!["state"]!.GetValue<string>()));
        Assert.StartsWith("http://backend.ktrdr.lab:8000", JsonNode.Parse(requests[2].Body)!["environment_url"]!.GetValue<string>());
    }

    [Fact]
    public async Task C9b_Without_GitHub_a_deploy_says_it_is_not_recorded_there()
    {
        var run = await lab.RunWithAsync(new Dictionary<string, string?> { ["GITHUB_TOKEN"] = null, ["KTRDR_GITHUB_TOKEN"] = null },
            "DeployGpu", "--tag", RolloutLab.Tag);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("GitHub deployments off: GITHUB_TOKEN is not set: this deploy is not recorded on GitHub", run.Output);
    }

    [Fact]
    public Task C10_Ctrl_C_during_a_drain_releases_the_lock_records_the_run_as_cancelled_and_the_busy_worker_finishes() =>
        StoppedDuringADrainAsync("INT");

    [Fact]
    public Task C10b_SIGTERM_during_a_drain_takes_Ctrl_Cs_path_lock_released_run_recorded_cancelled_busy_worker_finishes() =>
        StoppedDuringADrainAsync("TERM");

    private async Task StoppedDuringADrainAsync(string signal)
    {
        using var http = new HttpClient { BaseAddress = new Uri($"http://{await CoreAddressAsync()}:8000"), Timeout = TimeSpan.FromSeconds(20) };
        var start = await http.PostAsJsonAsync("/api/v1/backtests/start",
            new { strategy_name = "mean_reversion", start_date = "2024-01-01", end_date = "2024-06-30", standin_seconds = 30 });
        var started = JsonNode.Parse(await start.Content.ReadAsStringAsync())!;
        var id = started["operation_id"]!.GetValue<string>();
        var node = Regex.Match(started["message"]!.GetValue<string>(), @"on worker (workers-[a-z])-").Groups[1].Value;
        await using var core = await lab.ConnectAsync("core");

        var printed = await lab.RunInterruptedAsync(signal, async () =>
        {
            // interrupted once the run holds the lock (rendering first can take long on a loaded machine) and waits on the busy worker
            var held = await Eventually(async () => (await core.RunAsync(new Ktrdr.Deploy.Remote.RemoteCommand("test -d /var/lib/ktrdr-deploy/lock", "lock held?"),
                CancellationToken.None)).Succeeded, taken => taken, TimeSpan.FromMinutes(3));
            Assert.True(held, "the deploy never took the lock");
            await Task.Delay(TimeSpan.FromSeconds(4));
        }, "DeployWorkers", "--target-node", node, "--force");
        output.WriteLine(printed);

        Assert.Contains("DeployWorkers", printed);
        Assert.DoesNotContain($"{node}  update", printed);   // nothing replaced
        Assert.False((await core.RunAsync(new Ktrdr.Deploy.Remote.RemoteCommand("test -d /var/lib/ktrdr-deploy/lock", "lock held?"), CancellationToken.None)).Succeeded,
            $"the lock must be released after SIG{signal}");
        var history = (await Run("History")).Output;
        var newest = history.Split('\n').LastOrDefault(l => Regex.IsMatch(l, $@"DeployWorkers +{node} "));
        Assert.True(newest is not null, $"no DeployWorkers {node} entry in the history:\n{history}");
        Assert.Matches(new Regex($@"DeployWorkers +{node} +sha-e2e0001 +cancelled"), newest);
        var operation = await Eventually(async () => JsonNode.Parse(await http.GetStringAsync($"/api/v1/operations/{id}"))!["data"]!["status"]!.GetValue<string>(),
            status => status != "running", TimeSpan.FromSeconds(45));
        Assert.Equal("completed", operation);   // the busy worker was never cut off
    }

    private async Task WaitForAvailableWorkersAsync(int count, TimeSpan timeout)
    {
        using var http = new HttpClient { BaseAddress = new Uri($"http://{await CoreAddressAsync()}:8000"), Timeout = TimeSpan.FromSeconds(10) };
        var available = await Eventually(async () =>
        {
            try { return JsonNode.Parse(await http.GetStringAsync("/api/v1/workers?status=available"))!.AsArray().Count; }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException) { return -1; }   // the backend is restarting
        }, n => n >= count, timeout);
        Assert.True(available >= count, $"{available} workers available after {timeout.TotalSeconds} s, expected {count}");
    }

    private static async Task<T> Eventually<T>(Func<Task<T>> read, Func<T, bool> done, TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        while (true)
        {
            var value = await read();
            if (done(value) || DateTime.UtcNow > until) return value;
            await Task.Delay(TimeSpan.FromSeconds(1));
        }
    }
}
