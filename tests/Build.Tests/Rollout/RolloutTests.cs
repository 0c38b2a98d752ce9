using System.Text.RegularExpressions;
using Ktrdr.Deploy.Remote;
using Xunit.Abstractions;

namespace Build.Tests.Rollout;

/// <summary>
/// The rollout on a real lab, end to end, as README's first command runs it: every deploy target, per-node targeting,
/// idempotence, Verify failing when a worker stops, and no secret value anywhere it must not be.
/// </summary>
[TestCaseOrderer(AlphabeticalOrderer.TypeName, AlphabeticalOrderer.AssemblyName)]
public sealed partial class RolloutTests(RolloutLab lab, ITestOutputHelper output) : IClassFixture<RolloutLab>
{
    /// <summary>Runs the build against the lab and shows its output in the test's report.</summary>
    private async Task<BuildRun> Run(params string[] args)
    {
        var run = await lab.RunAsync(args);
        output.WriteLine($"$ ./build.sh {string.Join(' ', args)}\n{run}");
        return run;
    }

    private static readonly string[] Nodes = ["core", "workers-b", "workers-c", "gpu"];

    [Fact]
    public void A1_The_full_rollout_deploys_every_node_and_ends_with_a_green_verify()
    {
        var run = lab.First;
        Assert.True(run.ExitCode == 0, run.ToString());
        foreach (var node in Nodes)
            Assert.Matches(new Regex($@"  {Regex.Escape(node)} +deployed "), run.Output);
        Assert.Matches(new Regex(@"Verify lab: \d+ passed, 0 failed"), run.Output);
        Assert.Contains("gpu        upload       bundle", run.Output);   // the non-root node, through sudo for its /opt
    }

    [Fact]
    public async Task A2_A_second_deploy_reports_every_node_unchanged_and_touches_nothing()
    {
        var run = await Run("DeployCore", "DeployWorkers", "DeployGpu");
        Assert.True(run.ExitCode == 0, run.ToString());
        foreach (var node in Nodes)
            Assert.Matches(new Regex($@"  {Regex.Escape(node)} +unchanged "), run.Output);
        Assert.DoesNotContain(" upload ", run.Output);
        Assert.DoesNotContain(" up -d", run.Output);
    }

    [Fact]
    public async Task A3_Targeting_one_worker_node_deploys_only_that_node()
    {
        var run = await Run("DeployWorkers", "--target-node", "workers-b", "--force");
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Matches(new Regex(@"  workers-b +deployed +forced"), run.Output);
        Assert.DoesNotContain("workers-c", run.Output);
    }

    [Fact]
    public async Task A4_An_unknown_node_lists_the_valid_ones_and_touches_no_node()
    {
        var run = await Run("DeployWorkers", "--target-node", "workers-z", "--skip", "RenderConfigs,LabUp");
        Assert.Equal(2, run.ExitCode);   // checked before any target runs
        Assert.Contains("Nothing was run.", run.Output);
        Assert.Contains("environment lab has no node \"workers-z\"", run.Output);
        Assert.Contains("workers-b", run.Output);
        Assert.DoesNotContain("pre-flight", run.Output);
    }

    [Fact]
    public async Task A5_Verify_fails_naming_a_stopped_worker_and_a_redeploy_brings_it_back()
    {
        await using (var node = await lab.ConnectAsync("workers-c"))
            await RolloutLab.RequireAsync(node, "docker stop --time 1 $(docker ps -q --filter label=com.docker.compose.service=backtest-worker-1)");

        var failing = await Run("Verify", "--verify-timeout", "3s");
        Assert.Equal(1, failing.ExitCode);
        Assert.Contains("failed check(s) in lab", failing.Output);
        Assert.Contains("workers-c.ktrdr.lab:5003", failing.Output);

        var redeploy = await Run("DeployWorkers", "--skip", "RenderConfigs");
        Assert.True(redeploy.ExitCode == 0, redeploy.ToString());
        Assert.Matches(new Regex(@"  workers-c +deployed +service backtest-worker-1 is not running"), redeploy.Output);
        Assert.Matches(new Regex(@"  workers-b +unchanged "), redeploy.Output);

        var green = await Run("Verify", "--smoke", "--verify-timeout", "1m");
        Assert.True(green.ExitCode == 0, green.ToString());
        Assert.Matches(new Regex(@"smoke backtest +POST /api/v1/backtests/start +passed .* backtest \S+ completed"), green.Output);
        Assert.Matches(new Regex(@"smoke training +POST /api/v1/trainings/start +passed .* training \S+ completed"), green.Output);
    }

    [Fact]
    public async Task A6_No_secret_value_is_in_output_logs_artifacts_node_processes_or_deploy_directories()
    {
        var secrets = Directory.GetFiles(lab.SecretsDirectory).ToDictionary(f => Path.GetFileName(f), f => File.ReadAllText(f).Trim());
        Assert.Equal(["ALERT_RECEIVER_SECRET", "DB_PASSWORD", "DB_USER", "GF_ADMIN_PASSWORD", "GHCR_TOKEN", "JWT_SECRET"], secrets.Keys.Order(StringComparer.Ordinal));

        // process arguments on the core node while it is redeployed (compose, docker login, pull and up all run then),
        // sampled by one long-running command on the node until the test drops the stop file
        const string stopFile = "/tmp/ktrdr-test-stop-sampling";
        await using var core = await lab.ConnectAsync("core");
        await RolloutLab.RequireAsync(core, $"rm -f {stopFile}");
        var sampler = core.RunAsync(new RemoteCommand(
            $"while [ ! -e {stopFile} ]; do for f in /proc/[0-9]*/cmdline; do tr '\\0' ' ' < \"$f\"; echo; done 2>/dev/null; sleep 0.05; done | sort -u",
            "sample argv") { Timeout = TimeSpan.FromMinutes(5) }, CancellationToken.None);
        var redeploy = await Run("DeployCore", "--force", "--skip", "RenderConfigs");
        await using (var stopper = await lab.ConnectAsync("core")) await RolloutLab.RequireAsync(stopper, $"touch {stopFile}");
        var seen = (await sampler).StandardOutput;
        Assert.True(redeploy.ExitCode == 0, redeploy.ToString());
        Assert.Contains("docker-compose", seen);   // the sampler did see the deploy's processes

        // PostgreSQL retitles its connection processes "postgres: <user> <db> <client> <state>": a title it sets itself,
        // not an argument anything was given, so those lines are left out; every other process line is searched
        var argv = string.Join('\n', seen.Split('\n').Where(line => !line.StartsWith("postgres: ", StringComparison.Ordinal)));
        Assert.Contains("postgres -D", argv);   // the server itself (started with arguments) is still searched
        var places = new Dictionary<string, string> { ["node processes (argv)"] = argv, ["the alert receiver's log"] = await lab.DockerAsync(null, "logs", AlertSinkContainer) };
        foreach (var (run, i) in lab.Runs.Select((r, i) => (r, i))) places[$"console output of run {i + 1}"] = run.Output;
        foreach (var file in ArtifactFiles()) places[Path.GetRelativePath(lab.Sandbox.Root, file)] = await File.ReadAllTextAsync(file);
        foreach (var name in Nodes)
        {
            await using var node = await lab.ConnectAsync(name);
            var listing = await RolloutLab.RequireAsync(node, "find /opt/ktrdr* -type f");
            Assert.Contains(".ktrdr-deployed.json", listing);
            foreach (var path in listing.Split('\n', StringSplitOptions.RemoveEmptyEntries))
                places[$"{name}:{path}"] = await node.ReadFileAsync(path, CancellationToken.None) ?? "";
        }

        var hits = (from place in places from secret in secrets where place.Value.Contains(secret.Value, StringComparison.Ordinal)
                    select $"{secret.Key} in {place.Key}").ToList();
        Assert.True(hits.Count == 0, "secret values found: " + string.Join("; ", hits));
        Assert.True(places.Count > 20, $"only {places.Count} places were searched");
    }

    [Fact]
    public async Task A7_A_wrong_registry_token_is_refused_with_a_clear_message_and_nothing_is_pushed()
    {
        var tokenFile = Path.Combine(lab.SecretsDirectory, "GHCR_TOKEN");
        var token = await File.ReadAllTextAsync(tokenFile);
        await File.WriteAllTextAsync(tokenFile, "not-the-registry-token");
        try
        {
            var run = await Run("PushGhcr", "--skip", "BuildImages,Restore,LabUp");
            Assert.Equal(1, run.ExitCode);
            Assert.Contains("docker login 127.0.0.1:", run.Output);
            Assert.Contains("was refused", run.Output);
            Assert.DoesNotContain("pushed ", run.Output);
            Assert.DoesNotContain("not-the-registry-token", run.Output);   // a wrong token is still a secret
            Assert.DoesNotContain("   at ", run.Output);
        }
        finally
        {
            await File.WriteAllTextAsync(tokenFile, token);
        }
    }

    [Fact]
    public async Task A8_Status_shows_every_nodes_services_with_tag_health_and_last_deploy_and_the_registered_workers()
    {
        // a core deploy just before restarts the backend: Status is a snapshot, so judge it once every worker is back
        await WaitForAvailableWorkersAsync(5, TimeSpan.FromMinutes(2));
        var json = Path.Combine(lab.Sandbox.Root, "status.json");
        var run = await Run("Status", "--json", json);
        Assert.True(run.ExitCode == 0, run.ToString());
        foreach (var (node, service) in new[] { ("core", "backend"), ("core", "db"), ("workers-b", "backtest-worker-1"), ("workers-c", "training-worker-1"), ("gpu", "gpu-training-worker") })
            Assert.Matches(new Regex($@"  {Regex.Escape(node)} +{Regex.Escape(service)} +{RolloutLab.Tag} +running, (healthy|starting) +\d+[smhd]"), run.Output);   // Docker's own check comes every 30 s
        Assert.Matches(new Regex(@"Workers registered with the backend \(5\)"), run.Output);
        Assert.Matches(new Regex(@"workers-b-backtest-1 +backtesting +http://workers-b\.ktrdr\.lab:5003 +available"), run.Output);
        Assert.Contains($"{RolloutLab.Tag} ", run.Output);
        Assert.Contains("\"workers\"", await File.ReadAllTextAsync(json));
    }

    [Fact]
    public async Task A9_A_held_lock_refuses_a_deploy_with_its_holder_LockRelease_breaks_it_and_History_records_every_deploy()
    {
        await using (var core = await lab.ConnectAsync("core"))
            await RolloutLab.RequireAsync(core, "mkdir -p /var/lib/ktrdr-deploy/lock && printf '%s' " +
                "'{\"id\":\"x1\",\"user\":\"alice\",\"host\":\"laptop\",\"pid\":4242,\"target\":\"DeployWorkers\",\"environment\":\"lab\",\"since\":\"2026-12-01T08:00:00+00:00\"}' " +
                "> /var/lib/ktrdr-deploy/lock/holder.json");

        var refused = await Run("DeployGpu", "--force", "--skip", "RenderConfigs");
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("another deploy holds the lock of lab: alice@laptop (pid 4242) running DeployWorkers on lab since 2026-12-01 08:00:00Z", refused.Output);
        Assert.DoesNotContain("upload", refused.Output);

        var released = await Run("LockRelease");
        Assert.True(released.ExitCode == 0, released.ToString());
        Assert.Contains("Breaking the deploy lock of lab, held by alice@laptop (pid 4242)", released.Output);

        var deploy = await Run("DeployGpu", "--force", "--skip", "RenderConfigs");
        Assert.True(deploy.ExitCode == 0, deploy.ToString());

        var history = await Run("History");
        Assert.True(history.ExitCode == 0, history.ToString());
        Assert.Matches(new Regex(@"DeployCore +core +sha-e2e0001 +succeeded"), history.Output);
        Assert.Matches(new Regex(@"DeployWorkers +workers-b,workers-c +sha-e2e0001 +succeeded"), history.Output);
        Assert.Matches(new Regex(@"DeployGpu +gpu +sha-e2e0001 +succeeded"), history.Output);
        Assert.True(File.Exists(Path.Combine(lab.Sandbox.Root, ".artifacts", "audit", "lab.jsonl")));
    }

    [Fact]
    public async Task B1_Backup_dumps_the_database_to_the_shared_tree_and_RestoreBackup_brings_its_rows_back()
    {
        const string count = "docker exec $(docker ps -q --filter label=com.docker.compose.service=db) " +
                             "sh -c 'PGUSER=\"$POSTGRES_USER\" psql -tAc \"select count(*) from operations\" ktrdr'";
        await using var core = await lab.ConnectAsync("core");
        var before = (await RolloutLab.RequireAsync(core, count)).Trim();
        Assert.NotEqual("0", before);   // the smoke operations of A5 are rows to lose and get back

        var backup = await Run("Backup", "--keep", "3");
        Assert.True(backup.ExitCode == 0, backup.ToString());
        var name = Regex.Match(backup.Output, @"db-backups/(ktrdr-\d{8}-\d{6}\.dump): \d+ bytes, [1-9]\d* table\(s\)").Groups[1].Value;
        Assert.NotEmpty(name);
        var file = new FileInfo(Path.Combine(lab.Sandbox.Root, ".artifacts", "lab", "shared", "db-backups", name));
        Assert.True(file.Exists, file.FullName);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.OtherRead, file.UnixFileMode);
        await TheBackupsAgeIsScrapedAsync(file);

        await RolloutLab.RequireAsync(core, count.Replace("select count(*) from operations", "delete from operations", StringComparison.Ordinal));
        Assert.Equal("0", (await RolloutLab.RequireAsync(core, count)).Trim());

        var restore = await Run("RestoreBackup", "--from", name);
        Assert.True(restore.ExitCode == 0, restore.ToString());
        Assert.Equal(before, (await RolloutLab.RequireAsync(core, count)).Trim());

        var outside = await Run("RestoreBackup", "--from", "../../etc/passwd");
        Assert.Equal(1, outside.ExitCode);
        Assert.Contains("expected the name of a dump in db-backups/", outside.Output);
        var unconfirmed = await Run("RestoreBackup", "--environment", "homelab", "--from", name);
        Assert.Equal(1, unconfirmed.ExitCode);
        Assert.Contains("run again with --confirm", unconfirmed.Output);
    }

    [Fact]
    public async Task B2_Patch_deploys_a_new_tag_to_one_node_and_Rollback_puts_it_back_on_the_tag_it_ran_before()
    {
        const string next = "sha-e2e0002";
        var push = await lab.RunTaggedAsync(next, "PushGhcr");   // same inputs as the first tag: a retag, not a build
        output.WriteLine(push.ToString());
        Assert.True(push.ExitCode == 0, push.ToString());
        Assert.Matches(new Regex($@"ktrdr/ktrdr-backend +up to date +{next}"), push.Output);

        var patch = await lab.RunTaggedAsync(next, "Patch", "--target-node", "workers-b");   // the hot-fix path: no image build
        Assert.True(patch.ExitCode == 0, patch.ToString());
        Assert.Matches(new Regex(@"workers-b +deployed +bundle [0-9a-f]{12} → [0-9a-f]{12}"), patch.Output);
        Assert.DoesNotContain("Starting BuildImages", patch.Output);
        Assert.Matches(new Regex($@"workers-b +backtest-worker-1 +{next} +running"), (await Run("Status", "--target-node", "workers-b")).Output);

        var rollback = await lab.RunBareAsync("Rollback", "--target-node", "workers-b");   // no --tag: the audit knows the good deploy
        Assert.True(rollback.ExitCode == 0, rollback.ToString());
        Assert.Matches(new Regex($@"workers-b +rolled back to tag {RolloutLab.Tag}"), rollback.Output);
        Assert.DoesNotContain("workers-c", rollback.Output);
        var status = await Run("Status", "--target-node", "workers-b");
        Assert.Matches(new Regex($@"workers-b +backtest-worker-1 +{RolloutLab.Tag} +running.*\(rollback\)"), status.Output);
    }

    [Fact]
    public async Task B3_A_new_image_that_fails_its_health_gate_is_rolled_back_and_the_old_workers_serve_again()
    {
        const string bad = "sha-e2ebad1";
        // an image that crashes at start, pushed under a new tag with the lab images beside it
        await lab.DockerAsync($"FROM ktrdr/ktrdr-backend:{RolloutLab.Tag}\nENTRYPOINT [\"/bin/sh\", \"-c\", \"exit 3\"]\n",
            "build", "--quiet", "--tag", $"ktrdr/ktrdr-backend:{bad}", "-");
        foreach (var image in new[] { "ktrdr/ktrdr-lab/postgres", "ktrdr/ktrdr-lab/prometheus", "ktrdr/ktrdr-lab/alertmanager", "ktrdr/ktrdr-lab/node-exporter" })
            await lab.DockerAsync(null, "tag", $"{image}:{RolloutLab.Tag}", $"{image}:{bad}");
        var push = await lab.RunTaggedAsync(bad, "PushGhcr", "--skip", "BuildImages,Restore");
        Assert.True(push.ExitCode == 0, push.ToString());

        var patch = await lab.RunTaggedAsync(bad, "Patch", "--target-node", "workers-c", "--health-timeout", "90s");
        output.WriteLine(patch.ToString());
        Assert.Equal(1, patch.ExitCode);
        Assert.Contains("workers-c: the new bundle failed its health gate and the node was rolled back to the previous one, which is running again", patch.Output);
        Assert.Matches(new Regex(@"keeps restarting|stopped with exit code 3"), patch.Output);
        Assert.Matches(new Regex(@"workers-c +roll back +the previous bundle is back in place and healthy"), patch.Output);

        var status = await Run("Status", "--target-node", "workers-c");
        Assert.Matches(new Regex($@"workers-c +backtest-worker-1 +{RolloutLab.Tag} +running"), status.Output);
        Assert.Matches(new Regex($@"workers-c +training-worker-1 +{RolloutLab.Tag} +running"), status.Output);
        var history = await Run("History");
        Assert.Matches(new Regex($@"Patch +workers-c +{bad} +failed"), history.Output);
    }

    [Fact]
    public async Task B4_Scaling_a_worker_node_out_with_a_profile_starts_its_new_slots_and_Prometheus_scrapes_them()
    {
        const string topology = "deploy/environments/lab/topology.yml";
        const string plain = "compose_files: [../homelab/docker-compose.workers.yml]\n    deploy_dir: /opt/ktrdr-workers-c";
        const string scaled = "compose_files: [../homelab/docker-compose.workers.yml]\n    profiles: [scale-2]\n    deploy_dir: /opt/ktrdr-workers-c";
        lab.Sandbox.Replace(topology, plain, scaled);
        try
        {
            var up = await Run("DeployCore", "DeployWorkers");
            Assert.True(up.ExitCode == 0, up.ToString());
            Assert.Matches(new Regex(@"workers-c +deployed +services \+backtest-worker-2 \+training-worker-2 \(profiles changed\)"), up.Output);
            // prometheus.yml changed but not Prometheus' own settings: without a recreate it would keep reading the old file
            Assert.Matches(new Regex(@"core +recreate +prometheus: a file it mounts from the bundle changed"), up.Output);

            // Prometheus was recreated: the new slot is among its targets and either scraped (up) or, when Verify comes before
            // Prometheus' first scrape, answers Verify's own fetch of its scrape URL with metrics (a warning). Not --strict:
            // it also fails on firing alerts (KtrdrBackupMissing on a lab never backed up)
            var verify = await Run("Verify", "--verify-timeout", "2m");
            Assert.True(verify.ExitCode == 0, verify.ToString());
            Assert.Matches(new Regex(@"prometheus targets ktrdr-workers-c workers-c\.ktrdr\.lab:5004 +(passed .* up \(|warning .* answers with \d+ metrics at )"), verify.Output);
            Assert.Matches(new Regex(@"workers registered workers-c-backtest-2 +passed"), verify.Output);

            // the core back on its previous good bundle: Prometheus is recreated to read the restored prometheus.yml
            var rollback = await lab.RunBareAsync("Rollback", "--target-node", "core");
            Assert.True(rollback.ExitCode == 0, rollback.ToString());
            Assert.Matches(new Regex(@"core +recreate +prometheus: a file it mounts from the bundle changed"), rollback.Output);
        }
        finally
        {
            lab.Sandbox.Replace(topology, scaled, plain);
        }
        var back = await Run("DeployCore", "DeployWorkers");   // scaled in again (the backend forgets the two slots' records after 300 s)
        Assert.True(back.ExitCode == 0, back.ToString());
        Assert.Matches(new Regex(@"workers-c +deployed +services -backtest-worker-2 -training-worker-2 \(profiles changed\)"), back.Output);
        Assert.Matches(new Regex(@"workers-c +retire +removed backtest-worker-2, training-worker-2"), back.Output);
    }

    /// <summary>Logs, rendered bundles, lab state and every other file the build wrote, but not the secrets themselves or compiled output.</summary>
    private IEnumerable<string> ArtifactFiles()
    {
        var artifacts = Path.Combine(lab.Sandbox.Root, ".artifacts");
        var skipped = new[] { Path.Combine(artifacts, "lab", "secrets"), Path.Combine(artifacts, "dotnet"), Path.Combine(artifacts, "images") };
        return Directory.EnumerateFiles(artifacts, "*", SearchOption.AllDirectories)
            .Where(f => !skipped.Any(s => f.StartsWith(s + Path.DirectorySeparatorChar, StringComparison.Ordinal)))
            .Where(f => new FileInfo(f).Length < 5_000_000);
    }
}
