using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Build.Tests.Rollout;

/// <summary>The way back: the Swarm lab S2 left, turned into compose projects again by the usual compose deploy (docs/swarm.md).</summary>
public sealed partial class RolloutTests
{
    /// <summary>
    /// Runs <paramref name="sql"/> (no quotes in it) in whichever container runs the database: a stack task, whose user is a
    /// secret file, or a compose container, whose user is a variable; waits while the database starts.
    /// </summary>
    private async Task<string> SqlAsync(string sql)
    {
        var script = "id=$(docker ps -q --filter label=com.docker.swarm.service.name=ktrdr_db; docker ps -q --filter label=com.docker.compose.service=db); " +
                     "docker exec $(echo $id | cut -d' ' -f1) sh -c 'PGUSER=\"${POSTGRES_USER:-$(cat /run/secrets/POSTGRES_USER)}\" psql -qtAc \"" + sql + "\" ktrdr'";
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await using var core = await lab.ConnectAsync("core");
                return (await RolloutLab.RequireAsync(core, script)).Trim();
            }
            catch (Exception) when (attempt < 60) { await Task.Delay(TimeSpan.FromSeconds(2)); }   // the database is starting
        }
    }

    /// <summary>
    /// Last of the class (S3 sorts after S2, which left the lab a swarm): the usual compose deploy removes the stack first,
    /// then deploys every node's compose project; the database keeps its volume (a row written under the stack is read
    /// back under compose); Verify is green. The lab is in
    /// compose mode again afterwards (its nodes stay in the swarm, idle).
    /// </summary>
    [Fact]
    public async Task S3_The_usual_compose_deploy_removes_the_stack_S2_left_deploys_every_node_keeps_the_database_and_verifies_green()
    {
        // a row written while the stack runs the database: the volume it lands in must be the compose database's afterwards
        var marker = Random.Shared.NextInt64(1, long.MaxValue);
        Assert.Equal("1", await SqlAsync($"create table if not exists s3_way_back (v bigint); insert into s3_way_back values ({marker}); " +
                                         $"select count(*) from s3_way_back where v = {marker}"));
        var watch = Stopwatch.StartNew();
        var back = await Run("DeployCore", "DeployWorkers", "DeployGpu");
        output.WriteLine($"the way back (stack rm, wait, compose deploy of every node): {watch.Elapsed.TotalSeconds:F1} s");
        Assert.True(back.ExitCode == 0, back.ToString());
        Assert.Matches(new Regex(@"  core +stack found +ktrdr: 10 service\(s\), but the engine is compose: removing the stack first \(named volumes kept\)"), back.Output);
        Assert.Matches(new Regex(@"  core +stack rm +docker stack rm ktrdr"), back.Output);
        Assert.Matches(new Regex(@"  core +stack gone +services, task containers and network gone from 4 node\(s\)"), back.Output);
        Assert.Contains("the nodes stay in the swarm", back.Output);
        foreach (var node in Nodes) Assert.Matches(new Regex($@"  {Regex.Escape(node)} +deployed "), back.Output);

        await using (var core = await lab.ConnectAsync("core"))
            Assert.Equal("", (await RolloutLab.RequireAsync(core, "docker service ls -q")).Trim());
        foreach (var name in Nodes)
        {
            await using var node = await lab.ConnectAsync(name);
            Assert.NotEqual("", (await RolloutLab.RequireAsync(node, "docker ps -q --filter label=com.docker.compose.project=ktrdr --filter status=running")).Trim());
        }
        Assert.Equal("1", await SqlAsync($"select count(*) from s3_way_back where v = {marker}"));

        var green = await Run("Verify", "--verify-timeout", "3m");
        Assert.True(green.ExitCode == 0, green.ToString());
        var again = await Run("DeployCore", "DeployWorkers", "DeployGpu");
        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.DoesNotContain("stack found", again.Output);
    }
}
