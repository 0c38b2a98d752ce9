using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Build.Tests.Rollout;

/// <summary>The lab, rolled out in compose mode, turned into one Swarm stack by the deploy targets (docs/swarm.md).</summary>
public sealed partial class RolloutTests
{
    /// <summary>
    /// After every compose test of the class (S2 sorts after them): the lab stays a swarm for S2b, and S3 takes it back to
    /// compose. From compose mode to every stack service running; a second run changes nothing; Status and Diff read the
    /// stack; then the secret scan.
    /// </summary>
    [Fact]
    public async Task S2_Engine_swarm_turns_the_compose_lab_into_one_stack_a_second_run_changes_nothing_and_no_secret_value_is_in_any_spec_inspect_or_container_store()
    {
        var first = await Run("DeployCore", "DeployWorkers", "DeployGpu", "--engine", "swarm");
        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Contains("core       swarm init   manager, advertising", first.Output);
        foreach (var node in Nodes.Skip(1)) Assert.Matches(new Regex($@"  {Regex.Escape(node)} +swarm join +worker of core .*token over stdin"), first.Output);
        Assert.Matches(new Regex(@"  core +compose down +stopped and removed .*backend.*\(volumes kept\)"), first.Output);
        Assert.Matches(new Regex(@"  core +converge +10 service\(s\) running"), first.Output);

        var second = await Run("DeployCore", "DeployWorkers", "DeployGpu", "--engine", "swarm");
        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Matches(new Regex(@"  core +stack state +unchanged: stack [0-9a-f]{12} \(sha-e2e0001\) deployed, 10 services running"), second.Output);
        Assert.DoesNotContain("stack deploy", second.Output);
        Assert.DoesNotContain("swarm join", second.Output);

        // Status and Diff read the stack from core's manager: 10 services running on their nodes, a deploy would change nothing
        var watch = Stopwatch.StartNew();
        var status = await Run("Status", "--engine", "swarm");
        output.WriteLine($"Status on the swarm lab: {watch.Elapsed.TotalSeconds:F1} s");
        Assert.True(status.ExitCode == 0, status.ToString());
        Assert.Equal(10, Regex.Matches(status.Output, @"  (core|workers-b|workers-c|gpu) +\S+ +sha-e2e0001(@sha256:[0-9a-f]{12})? +1/1 running +.* in sync ").Count);
        watch.Restart();
        var diff = await Run("Diff", "--engine", "swarm");
        output.WriteLine($"Diff on the swarm lab: {watch.Elapsed.TotalSeconds:F1} s");
        Assert.True(diff.ExitCode == 0, diff.ToString());
        Assert.Contains("in sync: a deploy would change nothing", diff.Output);

        await using var core = await lab.ConnectAsync("core");
        var services = (await RolloutLab.RequireAsync(core, "docker service ls --format '{{.Name}} {{.Replicas}}'")).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(10, services.Length);
        Assert.All(services, s => Assert.EndsWith(" 1/1", s));
        // the stack deployed names each image we build by the digest the registry gave its tag (a re-pushed tag is a change)
        var deployed = await RolloutLab.RequireAsync(core, "cat /opt/ktrdr-core/docker-stack.deployed.yml");
        Assert.Matches(new Regex(@"image: ""[^""]*/ktrdr-backend:sha-e2e0001@sha256:[0-9a-f]{64}"""), deployed);

        // every place a compose deploy leaves a secret value in plain text: the service specs, docker inspect of every
        // container, and the container store on every node
        var secrets = Directory.GetFiles(lab.SecretsDirectory).ToDictionary(f => Path.GetFileName(f), f => File.ReadAllText(f).Trim());
        var places = new Dictionary<string, string> { ["core: docker service inspect"] = await RolloutLab.RequireAsync(core, "docker service inspect $(docker service ls -q)") };
        foreach (var name in Nodes)
        {
            await using var node = await lab.ConnectAsync(name);
            places[$"{name}: docker inspect"] = await RolloutLab.RequireAsync(node, "docker inspect $(docker ps -aq)");
            places[$"{name}: config.v2.json"] = await RolloutLab.RequireAsync(node, "cat /var/lib/docker/containers/*/config.v2.json");
        }
        Assert.Contains("\"SecretName\": \"ktrdr_DB_PASSWORD_", places["core: docker service inspect"]);   // the values are there, as secrets
        var hits = (from place in places from secret in secrets where place.Value.Contains(secret.Value, StringComparison.Ordinal)
                    select $"{secret.Key} in {place.Key}").ToList();
        Assert.True(hits.Count == 0, "secret values found: " + string.Join("; ", hits));
    }
}
