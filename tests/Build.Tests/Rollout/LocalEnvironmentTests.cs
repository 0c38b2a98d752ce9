using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Build.Tests.Rollout;

/// <summary>
/// The local environment (<c>deploy/environments/local</c>: the whole stack on one machine) deployed by the same
/// targets to this machine, without SSH, from images built here, on the lab's Docker daemon. Its topology in the
/// sandbox names the lab's images (Docker Hub cannot be reached here) and leaves Grafana and Jaeger behind a profile
/// (they cannot be obtained here, as in the lab); everything else is the file developers use.
/// </summary>
public sealed partial class RolloutTests
{
    private const string LocalDir = "deploy/environments/local";

    [Fact]
    public async Task D1_The_local_environment_deploys_to_this_machine_without_SSH_verifies_green_and_redeploys_as_unchanged()
    {
        var deployDir = $"/opt/ktrdr-local-{lab.Id}";   // a directory of its own (the topology refuses /tmp), never a developer's /opt/ktrdr-local
        UseLabImagesForLocal(deployDir);
        foreach (var repository in new[] { "ktrdr-backend", "ktrdr-lab/postgres", "ktrdr-lab/prometheus", "ktrdr-lab/alertmanager", "ktrdr-lab/node-exporter" })   // "built here": the lab built them
            await lab.DockerAsync(null, "tag", $"ktrdr/{repository}:{RolloutLab.Tag}", $"ghcr.io/kpiteira/{repository}:{RolloutLab.Tag}");
        var state = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(lab.Sandbox.Root, ".artifacts", "lab", "lab.json")))!;
        var environment = new Dictionary<string, string?>
        {
            ["DOCKER_HOST"] = state["docker_host"]?.GetValue<string>(),
            ["DB_USER"] = "ktrdr_local", ["DB_PASSWORD"] = "local-db-password-1", ["GF_ADMIN_PASSWORD"] = "local-admin-1",
            ["JWT_SECRET"] = "local-jwt-secret-0123456789abcdef0123", ["ALERT_RECEIVER_SECRET"] = "https://hooks.slack.invalid/local-test",
        };
        try
        {
            var deploy = await lab.RunWithAsync(environment, "DeployCore", "--environment", "local", "--tag", RolloutLab.Tag);
            output.WriteLine(deploy.ToString());
            Assert.True(deploy.ExitCode == 0, deploy.ToString());
            Assert.Matches(new Regex(@"local +connect +this machine \(localhost\): no SSH"), deploy.Output);
            Assert.Matches(new Regex(@"local +pull +nothing to pull: every image is built on this machine"), deploy.Output);
            Assert.Matches(new Regex(@"local +health +alertmanager, backend, backtest-worker, db, node-exporter, prometheus, training-worker healthy"), deploy.Output);

            var verify = await lab.RunWithAsync(environment, "Verify", "--environment", "local", "--tag", RolloutLab.Tag, "--smoke", "--verify-timeout", "2m");
            Assert.True(verify.ExitCode == 0, verify.ToString());
            Assert.Matches(new Regex(@"Verify local: \d+ passed, 0 failed"), verify.Output);
            Assert.Matches(new Regex(@"workers registered count +passed .* 2 registered \(1 backtesting, 1 training\), 2 expected"), verify.Output);

            var again = await lab.RunWithAsync(environment, "DeployCore", "--environment", "local", "--tag", RolloutLab.Tag);
            Assert.True(again.ExitCode == 0, again.ToString());
            Assert.Matches(new Regex(@"local +unchanged +same bundle"), again.Output);
        }
        finally
        {
            await RemoveLocalStackAsync();
            foreach (var dir in new[] { deployDir, deployDir + ".previous", deployDir + "-shared" })
                if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary>The sandbox's local topology: the lab's images, deploy and storage directories of this test, Grafana and Jaeger off.</summary>
    private void UseLabImagesForLocal(string deployDir)
    {
        var topology = $"{LocalDir}/topology.yml";
        lab.Sandbox.Replace(topology, "dockerfile: docker/Dockerfile,", "dockerfile: docker/standin/Dockerfile,");
        lab.Sandbox.Replace(topology, "db:         { repository: timescale/timescaledb, tag: 2.17.2-pg16,",
            "db:         { repository: ktrdr-lab/postgres, build: true, dockerfile: docker/lab/postgres/Dockerfile,");
        lab.Sandbox.Replace(topology, "prometheus: { repository: prom/prometheus, tag: v2.54.1,",
            "prometheus: { repository: ktrdr-lab/prometheus, build: true, dockerfile: docker/lab/prometheus/Dockerfile,");
        lab.Sandbox.Replace(topology, "alertmanager: { repository: prom/alertmanager, tag: v0.27.0,",
            "alertmanager: { repository: ktrdr-lab/alertmanager, build: true, dockerfile: docker/lab/alertmanager/Dockerfile,");
        lab.Sandbox.Replace(topology, "node-exporter: { repository: prom/node-exporter, tag: v1.8.2,",
            "node-exporter: { repository: ktrdr-lab/node-exporter, build: true, dockerfile: docker/lab/node-exporter/Dockerfile,");
        lab.Sandbox.Replace(topology, "deploy_dir: /opt/ktrdr-local", $"deploy_dir: {deployDir}");
        lab.Sandbox.Replace(topology, "path: /opt/ktrdr-local/shared", $"path: {deployDir}-shared");
        foreach (var service in new[] { "grafana", "jaeger" })
            lab.Sandbox.Replace($"{LocalDir}/docker-compose.yml", $"  {service}:\n    image:", $"  {service}:\n    profiles: [\"observability\"]\n    image:");
    }

    /// <summary>Removes what the local deploy started on the lab's daemon: containers, network and volumes of project ktrdr.</summary>
    private async Task RemoveLocalStackAsync()
    {
        var ids = (await lab.DockerAsync(null, "ps", "-aq", "--filter", "label=com.docker.compose.project=ktrdr")).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        if (ids.Length > 0) await lab.DockerAsync(null, ["rm", "-f", .. ids]);
        var volumes = (await lab.DockerAsync(null, "volume", "ls", "-q", "--filter", "label=com.docker.compose.project=ktrdr")).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        if (volumes.Length > 0) await lab.DockerAsync(null, ["volume", "rm", .. volumes]);
        var networks = (await lab.DockerAsync(null, "network", "ls", "-q", "--filter", "label=com.docker.compose.project=ktrdr")).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        if (networks.Length > 0) await lab.DockerAsync(null, ["network", "rm", .. networks]);
    }
}
