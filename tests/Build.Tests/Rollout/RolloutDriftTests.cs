using System.Diagnostics;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Ktrdr.Deploy.Remote;

namespace Build.Tests.Rollout;

/// <summary>
/// Drift on the same lab, after the A to D tests: the seeds' hand fixes on each node, what Diff and Status show,
/// the deploy that repairs them (deciding from the node, not the stamp), --force converging, and a second Diff clean.
/// </summary>
public sealed partial class RolloutTests
{
    private const string Other = "other-app";   // a container of another compose project on core: never named, never touched

    private async Task<string> On(string node, string script, string user = "root", bool secrets = false)
    {
        await using var connection = await lab.ConnectAsync(node, user);
        var command = new RemoteCommand(script, "hand fix") { SecretEnvironment = secrets ? LabSecrets() : new Dictionary<string, string>() };
        var result = await connection.RunAsync(command, CancellationToken.None);
        Assert.True(result.Succeeded, $"{node}: {script}: exit {result.ExitCode}\n{result.StandardError}");
        return result.StandardOutput;
    }

    /// <summary>Runs the build against the lab without --tag (Diff then compares each node with what its stamp says was deployed).</summary>
    private async Task<BuildRun> RunBare(params string[] args)
    {
        var run = await lab.RunBareAsync(args);
        output.WriteLine($"$ ./build.sh {string.Join(' ', args)}\n{run}");
        return run;
    }

    private Dictionary<string, string> LabSecrets() =>
        Directory.GetFiles(lab.SecretsDirectory).ToDictionary(f => Path.GetFileName(f), f => File.ReadAllText(f).Trim());

    [Fact]
    public async Task E1_Diff_of_a_deployed_lab_is_clean_and_a_no_op_deploy_reads_the_nodes_drift_too()
    {
        var clock = Stopwatch.StartNew();
        var diff = await Run("Diff", "--skip", "LabUp");
        var diffTime = clock.Elapsed;
        Assert.True(diff.ExitCode == 0, diff.ToString());
        foreach (var node in Nodes) Assert.Matches(new Regex($@"  {Regex.Escape(node)} +in sync"), diff.Output);

        // without --tag each node is compared with what its own stamp says was deployed: this checkout renders another
        // tag (sha-<HEAD>, main moved on and nobody deployed it yet), which is no drift
        var deployed = await RunBare("Diff", "--skip", "LabUp");
        Assert.True(deployed.ExitCode == 0, deployed.ToString());
        Assert.Contains("against what its own stamp says was deployed", deployed.Output);
        foreach (var node in Nodes) Assert.Matches(new Regex($@"  {Regex.Escape(node)} +in sync"), deployed.Output);

        clock.Restart();
        var noop = await Run("DeployCore", "DeployWorkers", "DeployGpu", "--skip", "LabUp");
        output.WriteLine($"measured: Diff of 4 nodes {diffTime.TotalSeconds:0.0} s, no-op deploy of 4 nodes (drift read included) {clock.Elapsed.TotalSeconds:0.0} s (process start and RenderConfigs included)");
        Assert.True(noop.ExitCode == 0, noop.ToString());
        foreach (var node in Nodes) Assert.Matches(new Regex($@"  {Regex.Escape(node)} +unchanged +same bundle"), noop.Output);
    }

    [Fact]
    public async Task E2_Hand_fixes_on_every_node_are_shown_by_Diff_and_Status_and_one_deploy_repairs_them_all()
    {
        var secret = LabSecrets()["DB_PASSWORD"];
        var previous = await On("core", "cat /opt/ktrdr-core.previous/manifest.json 2>/dev/null || true");
        // core: prometheus stopped, a bundle file deleted, a file added, a container of another project
        var grafana = (await On("core", "cd /opt/ktrdr-core && find grafana -type f | sort | head -1")).Trim();
        await On("core", $"docker stop --time 1 $(docker ps -q --filter label=com.docker.compose.service=prometheus) >/dev/null; rm /opt/ktrdr-core/{grafana}; " +
                         "echo 'hand notes' > /opt/ktrdr-core/notes.txt; " +
                         $"docker run -d --name {Other} --label com.docker.compose.project=other --label com.docker.compose.service=web " +
                         "--label com.docker.compose.oneoff=False --entrypoint sleep $(docker ps --format '{{.Image}}' --filter label=com.docker.compose.service=db) 3600 >/dev/null");
        // workers-b: the compose file edited, lines added to .env (one a secret's value, one a token this run never knew)
        var pasted = "pasted-" + Guid.NewGuid().ToString("N");
        await On("workers-b", "cd /opt/ktrdr-workers-b && echo '# hand edit: more memory' >> docker-compose.workers.yml && " +
                              $"echo KTRDR_LOG_LEVEL=DEBUG >> .env && echo \"DB_PASSWORD=$DB_PASSWORD\" >> .env && echo OPS_API_TOKEN={pasted} >> .env", secrets: true);
        // workers-c: the service's image swapped by hand for another tag
        await On("workers-c", "cd /opt/ktrdr-workers-c && i=$(docker ps --format '{{.Image}}' --filter label=com.docker.compose.service=training-worker-1) && " +
                              "docker tag \"$i\" \"${i%:*}:handfix\" && printf 'services:\\n  training-worker-1:\\n    image: %s\\n' \"${i%:*}:handfix\" > /tmp/handfix.yml && " +
                              "docker-compose -p ktrdr -f docker-compose.workers.yml -f /tmp/handfix.yml up -d --no-deps training-worker-1 2>&1", secrets: true);
        // gpu: the container recreated by hand with another environment
        await On("gpu", "cd /opt/ktrdr-gpu && printf 'services:\\n  gpu-training-worker:\\n    environment:\\n      KTRDR_HANDFIX: \"1\"\\n' > /tmp/handfix.yml && " +
                        "docker-compose -p ktrdr -f docker-compose.gpu-worker.yml -f /tmp/handfix.yml up -d --no-deps gpu-training-worker 2>&1", user: "ktrdr", secrets: true);

        var json = Path.Combine(lab.Sandbox.Root, "drift.json");
        var diff = await Run("Diff", "--skip", "LabUp", "--json", json);
        Assert.Equal(3, diff.ExitCode);
        Assert.Matches(new Regex(@"core +container +prometheus +is stopped \(exited \d+\)"), diff.Output);
        Assert.Matches(new Regex($@"core +file +{Regex.Escape(grafana)} +is missing on the node"), diff.Output);
        Assert.Matches(new Regex(@"core +file +notes\.txt +is extra on the node"), diff.Output);
        Assert.Matches(new Regex(@"workers-b +file +docker-compose\.workers\.yml +differs on the node"), diff.Output);
        Assert.Matches(new Regex(@"workers-b +file +\.env +differs on the node"), diff.Output);
        Assert.Contains("+# hand edit: more memory", diff.Output);
        Assert.Contains("+KTRDR_LOG_LEVEL=DEBUG", diff.Output);
        Assert.Contains("+DB_PASSWORD=***", diff.Output);
        Assert.Contains("+OPS_API_TOKEN=***", diff.Output);
        Assert.Matches(new Regex(@"workers-c +container +training-worker-1 +runs image \S+:handfix, the bundle's is \S+:sha-e2e0001"), diff.Output);
        Assert.Matches(new Regex(@"gpu +container +gpu-training-worker +runs another configuration than the files"), diff.Output);
        Assert.Contains("4 of 4 node(s) drifted", diff.Output);
        Assert.DoesNotContain(Other, diff.Output);
        Assert.DoesNotContain(secret, diff.Output);
        Assert.DoesNotContain(secret, await File.ReadAllTextAsync(json));
        Assert.DoesNotContain(pasted, diff.Output + await File.ReadAllTextAsync(json));
        Assert.Contains("\"exitCode\": 3", await File.ReadAllTextAsync(json));
        Assert.Contains($"\"against\": \"tag {RolloutLab.Tag}\"", await File.ReadAllTextAsync(json));

        // the same hand fixes against what each node's stamp says was deployed (this checkout renders another tag):
        // the .env's diff is against the .env as deployed, so only the hand-added lines show
        var deployed = await RunBare("Diff", "--skip", "LabUp");
        Assert.Equal(3, deployed.ExitCode);
        Assert.Matches(new Regex(@"workers-b +file +\.env +differs on the node"), deployed.Output);
        Assert.Contains("+KTRDR_LOG_LEVEL=DEBUG", deployed.Output);
        Assert.Contains("+OPS_API_TOKEN=***", deployed.Output);
        Assert.DoesNotContain("-KTRDR_IMAGE=", deployed.Output);   // not this checkout's tag against the node's
        Assert.DoesNotContain("+KTRDR_IMAGE=", deployed.Output);
        Assert.Matches(new Regex(@"workers-c +container +training-worker-1 +runs image \S+:handfix, the bundle's is \S+:sha-e2e0001"), deployed.Output);
        Assert.Matches(new Regex(@"core +container +prometheus +is stopped"), deployed.Output);
        Assert.Contains("4 of 4 node(s) drifted", deployed.Output);
        Assert.DoesNotContain(pasted, deployed.Output);
        Assert.DoesNotContain(secret, deployed.Output);

        var status = await Run("Status", "--skip", "LabUp");
        Assert.Matches(new Regex(@"workers-b +backtest-worker-1 .* drifted: 2 files"), status.Output);
        Assert.Matches(new Regex(@"core +\S+ .* drifted: 2 files, 1 container"), status.Output);

        var deploy = await Run("DeployCore", "DeployWorkers", "DeployGpu", "--skip", "LabUp");
        Assert.True(deploy.ExitCode == 0, deploy.ToString());
        Assert.Matches(new Regex(@"workers-b +deployed +changed: (docker-compose\.workers\.yml|\.env) differs on the node"), deploy.Output);
        Assert.Matches(new Regex(@"workers-c +deployed +changed: training-worker-1 runs image"), deploy.Output);
        Assert.Matches(new Regex(@"gpu +deployed +changed: gpu-training-worker runs another configuration"), deploy.Output);
        Assert.Matches(new Regex(@"core +deployed +(changed: |service prometheus is not running)"), deploy.Output);
        Assert.Matches(new Regex(@"workers-b +upload +bundle \w+ → /opt/ktrdr-workers-b; the node's copy kept as /opt/ktrdr-workers-b\.drifted-\d{8}T\d{6}Z"), deploy.Output);
        Assert.DoesNotContain(pasted, deploy.Output);
        // neither value stays at rest on the node: the drifted copy keeps the hand-added lines with their values masked
        Assert.Equal("", await On("workers-b", $"grep -rlsF -e {pasted} -e \"$DB_PASSWORD\" /opt /tmp /root /home /etc /srv || true", secrets: true));
        Assert.Contains("OPS_API_TOKEN=***", await On("workers-b", "cat /opt/ktrdr-workers-b.drifted-*/.env"));

        var again = await Run("Diff", "--skip", "LabUp");
        Assert.True(again.ExitCode == 0, again.ToString());
        foreach (var node in Nodes) Assert.Matches(new Regex($@"  {Regex.Escape(node)} +in sync"), again.Output);
        Assert.Equal("hand notes\n", await On("core", "cat /opt/ktrdr-core.drifted-*/notes.txt"));   // kept for forensics, not deleted
        Assert.Equal(previous, await On("core", "cat /opt/ktrdr-core.previous/manifest.json 2>/dev/null || true"));   // the last good deploy stays .previous
        Assert.Equal("running", (await On("core", $"docker inspect --format '{{{{.State.Status}}}}' {Other} && docker rm -f {Other} >/dev/null")).Trim());
    }

    [Fact]
    public async Task E3_Force_puts_hand_edited_files_back_even_for_the_same_bundle_and_recreates_the_containers()
    {
        await On("workers-b", "echo '# hand edit' >> /opt/ktrdr-workers-b/docker-compose.workers.yml");

        var forced = await Run("DeployWorkers", "--target-node", "workers-b", "--force", "--skip", "LabUp");
        Assert.True(forced.ExitCode == 0, forced.ToString());
        Assert.Matches(new Regex(@"workers-b +deployed +forced"), forced.Output);
        Assert.Matches(new Regex(@"workers-b +upload +.*the node's copy kept as /opt/ktrdr-workers-b\.drifted-"), forced.Output);
        Assert.Matches(new Regex(@"workers-b +update +.*replaced, healthy and serving"), forced.Output);   // recreated batch by batch, each drained
        Assert.Equal("", await On("workers-b", "grep '# hand edit' /opt/ktrdr-workers-b/docker-compose.workers.yml || true"));

        var diff = await Run("Diff", "--target-node", "workers-b", "--skip", "LabUp");
        Assert.True(diff.ExitCode == 0, diff.ToString());
    }

    [Fact]
    public async Task E4_A_new_bundle_over_hand_edited_files_keeps_them_as_a_masked_drifted_copy_not_as_previous_and_Rollback_names_the_tag_to_deploy_again()
    {
        var token = "ops-" + Guid.NewGuid().ToString("N");
        await On("workers-b", $"printf 'OPS_API_TOKEN=%s\\n' {token} >> /opt/ktrdr-workers-b/.env");
        // a new bundle for workers-b that changes no container: one more comment line in its compose file
        var (_, root) = CopiedDeployRoot("new-bundle-over-hand-edits");
        File.AppendAllText(Path.Combine(root, "environments", "homelab", "docker-compose.workers.yml"), "# a new bundle\n");

        var deploy = await Run("DeployWorkers", "--target-node", "workers-b", "--deploy-root", root, "--skip", "LabUp");
        Assert.True(deploy.ExitCode == 0, deploy.ToString());
        Assert.Matches(new Regex(@"workers-b +hand edits +.*the hand-edited files it ran before kept as /opt/ktrdr-workers-b\.drifted-\d{8}T\d{6}Z, secrets masked; no \.previous"),
            deploy.Output);
        Assert.Contains($"./build.sh Rollback --target-node workers-b --tag {RolloutLab.Tag}", deploy.Output);
        Assert.DoesNotContain(token, deploy.Output);
        Assert.Equal("absent", (await On("workers-b", "[ -e /opt/ktrdr-workers-b.previous ] && echo present || echo absent")).Trim());
        Assert.Contains("OPS_API_TOKEN=***", await On("workers-b", "cat \"$(ls -1d /opt/ktrdr-workers-b.drifted-* | sort -r | head -1)/.env\""));
        Assert.Equal("", (await On("workers-b", $"grep -rl {token} /opt /tmp /root /home /etc /srv 2>/dev/null || true")).Trim());

        var rollback = await RunBare("Rollback", "--target-node", "workers-b", "--skip", "LabUp");
        Assert.Equal(1, rollback.ExitCode);
        Assert.Contains($"the node keeps no previous bundle. Deploy that tag again: ./build.sh Rollback --target-node workers-b --tag {RolloutLab.Tag}", rollback.Output);

        var back = await Run("DeployWorkers", "--target-node", "workers-b", "--skip", "LabUp");
        Assert.True(back.ExitCode == 0, back.ToString());
        var diff = await Run("Diff", "--target-node", "workers-b", "--skip", "LabUp");
        Assert.True(diff.ExitCode == 0, diff.ToString());
    }

    [Fact]
    public async Task E5_A_rotated_secret_is_seen_without_force_the_backend_is_recreated_with_it_and_a_second_deploy_is_a_no_op()
    {
        // the read that decides a deploy asks compose for its config hashes only when the stamp's record does not vouch
        // for the containers: a rotated secret must make it ask (the record's digest of the secrets no longer matches)
        var file = Path.Combine(lab.SecretsDirectory, "JWT_SECRET");
        var original = await File.ReadAllTextAsync(file);
        try
        {
            await File.WriteAllTextAsync(file, "rotated-" + Guid.NewGuid().ToString("N") + "\n");
            var rotated = await Run("DeployCore", "--skip", "LabUp");
            Assert.True(rotated.ExitCode == 0, rotated.ToString());
            Assert.Matches(new Regex(@"core +deployed +changed: .*backend runs another configuration"), rotated.Output);

            var again = await Run("DeployCore", "--skip", "LabUp");
            Assert.True(again.ExitCode == 0, again.ToString());
            Assert.Matches(new Regex(@"core +unchanged +same bundle"), again.Output);
        }
        finally
        {
            await File.WriteAllTextAsync(file, original);
            var back = await Run("DeployCore", "--skip", "LabUp");
            Assert.True(back.ExitCode == 0, back.ToString());
        }
    }
}
