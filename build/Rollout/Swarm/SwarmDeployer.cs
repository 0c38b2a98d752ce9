using System.Diagnostics;
using BuildEngine;
using Ktrdr.Deploy.Commands.Compose;
using Ktrdr.Deploy.Commands.Docker;
using Ktrdr.Deploy.Commands.Output;
using Ktrdr.Deploy.Commands.Swarm;
using Ktrdr.Deploy.Remote;
using Ktrdr.Deploy.Rendering.Swarm;
using Ktrdr.Deploy.Rollout.Nodes;
using Ktrdr.Deploy.Rollout.Operations;
using Ktrdr.Deploy.Rollout.Orchestration;
using Serilog;

namespace Ktrdr.Deploy.Rollout.Swarm;

/// <summary>
/// Where a Swarm deploy is executed: core's stamp and the stack's services first (read-only); an unchanged stack ends
/// there. Otherwise pre-flight of every node, the swarm (init, join), node labels, busy workers drained (<see cref="SwarmDrain"/>),
/// each node's compose project down,
/// the bundles uploaded, the secret objects created, <c>docker stack deploy</c>, the wait until every service runs (or
/// one failed, or the timeout), the stamp, and the secret objects no service uses any more removed.
/// </summary>
public static class SwarmDeployer
{
    private static readonly TimeSpan ConvergePoll = TimeSpan.FromSeconds(2);

    public static async Task<IReadOnlyDictionary<string, NodeDeployed>> RunAsync(INodeConnections connections, SwarmDeployRequest request, CancellationToken ct)
    {
        var core = await connections.ConnectAsync(request.Core, ct);
        var name = request.Core.Name;
        var (stamp, decision) = await NodeProgress.StepAsync(name, "stack state", async () =>
        {
            var stamp = SwarmStamp.Parse(await core.ReadFileAsync(SwarmStamp.PathOn(request.Core), ct));
            var services = StackConvergence.Judge(await StatusAsync(core, ct), request.Services, SwarmNames.Stack);
            var decision = SwarmDecision.Decide(stamp, request.DesiredHash, services, request.Force);
            return ((stamp, decision), (decision.Deploy ? "to deploy: " : "unchanged: ") + decision.Reason);
        });
        if (!decision.Deploy)
        {
            Log.Information("Stack {Stack}: unchanged ({Reason})", SwarmNames.Stack, decision.Reason);
            return Landed(request, stamp!.Tag);
        }

        var watch = Stopwatch.StartNew();
        var nodes = await Task.WhenAll(request.Nodes.Select(n => connections.ConnectAsync(n, ct)));
        var preflights = await PreflightGate.AllAsync(nodes, request.Nodes, ct);
        await SwarmSetup.FormAsync(core, nodes, request, ct);
        await SwarmDrain.RunAsync(nodes, request.Nodes, request.DrainTimeout, request.Force, ct);
        await Task.WhenAll(request.Nodes.Select((n, i) => NodeProgress.StepAsync(n.Name, "compose down", async () =>
        {
            var stopped = OutputText.Lines((await NodeRun.RequireAsync(nodes[i], SwarmCommands.ComposeProjectDown(ComposeProject.Name), ct)).StandardOutput).ToList();
            return stopped.Count == 0 ? "no compose project running" : $"stopped and removed {string.Join(", ", stopped)} (volumes kept)";
        })));
        await Task.WhenAll(request.Nodes.Select((n, i) => NodeProgress.StepAsync(n.Name, "upload", async () =>
        {
            var elevate = !preflights[i].IsRoot && !preflights[i].DeployParentWritable;
            await nodes[i].UploadDirectoryAsync(request.Bundles[n.Name].Directory, n.DeployDirectory, ct, elevate);
            return $"bundle {request.Bundles[n.Name].Hash[..12]} → {n.DeployDirectory}";
        })));
        var secretObjects = await DeployStackAsync(core, request, ct);
        await NodeProgress.StepAsync(name, "stamp", async () =>
        {
            var written = new SwarmStamp(request.DesiredHash, request.Tag, DateTimeOffset.UtcNow, Deploy.DeployStamp.CurrentOperator);
            await core.WriteFileAsync(SwarmStamp.PathOn(request.Core), written.ToJson(), 0b110_100_100, ct);
            return SwarmStamp.PathOn(request.Core);
        });
        await RemoveUnusedSecretsAsync(core, request, secretObjects, ct);
        Log.Information("Stack {Stack}: deployed ({Reason}) in {Elapsed}", SwarmNames.Stack, decision.Reason, Elapsed.Format(watch.Elapsed));
        return Landed(request, request.Tag);
    }

    private static IReadOnlyDictionary<string, NodeDeployed> Landed(SwarmDeployRequest request, string tag) =>
        request.Nodes.ToDictionary(n => n.Name, n => new NodeDeployed(request.Bundles[n.Name].Hash, tag));

    private static async Task<IReadOnlyList<StackService>> StatusAsync(ICommandExecutor core, CancellationToken ct) =>
        StackServicesOutput.Parse(await core.RunAsync(SwarmCommands.StackStatus(SwarmNames.Stack), ct));

    /// <summary>The secret objects the stack names (missing ones created), the pinned stack file, the deploy, then the wait.</summary>
    /// <returns>The secret objects on the swarm now: those listed before plus those created.</returns>
    private static async Task<IReadOnlyList<string>> DeployStackAsync(ICommandExecutor core, SwarmDeployRequest request, CancellationToken ct)
    {
        var name = request.Core.Name;
        var known = await NodeProgress.StepAsync(name, "secrets", async () =>
        {
            var existing = OutputText.Lines((await NodeRun.RequireAsync(core, SwarmCommands.SecretNames(), ct)).StandardOutput).ToList();
            var missing = request.Stack.Objects.Keys.Except(existing, StringComparer.Ordinal).ToList();
            foreach (var secretObject in missing)
                await NodeRun.RequireAsync(core, SwarmCommands.CreateSecret(secretObject, request.Stack.Objects[secretObject], request.SecretValues[secretObject]), ct);
            return ((IReadOnlyList<string>)[.. existing, .. missing], missing.Count == 0 ? $"{request.Stack.Objects.Count} secret object(s) already there"
                : $"created {string.Join(", ", missing)} (values over stdin)");
        });
        var directory = request.Core.DeployDirectory;
        await NodeProgress.StepAsync(name, "stack deploy", async () =>
        {
            await core.WriteFileAsync($"{directory.TrimEnd('/')}/{SwarmDeployRequest.DeployedStackFile}", request.Stack.Text, 0b110_100_100, ct);
            var deploy = SwarmCommands.StackDeploy(directory, SwarmDeployRequest.DeployedStackFile, SwarmNames.Stack);
            if (request.Login is { } login) deploy = DockerCommands.WithTemporaryLogin(deploy, login.Host, login.User, login.Token);
            await NodeRun.RequireAsync(core, deploy, ct);
            return $"docker stack deploy --with-registry-auth -c {SwarmDeployRequest.DeployedStackFile} {SwarmNames.Stack}";
        });
        await NodeProgress.StepAsync(name, "converge", async () =>
        {
            var polled = await Poll.UntilAsync(async () => StackConvergence.Judge(await StatusAsync(core, ct), request.Services, SwarmNames.Stack),
                s => s.Done, request.Timeout, ConvergePoll, ct);
            var state = polled.State;
            foreach (var line in state.Running.Select(s => $"{s}: running").Concat(state.Failed).Concat(state.Waiting))
                Log.Information("    {Service}", line);
            if (!state.Succeeded)
                throw new RolloutException($"{name}: the stack did not converge" +
                                           (state.Done ? "" : $" within {Elapsed.Format(request.Timeout)} (--health-timeout)") + ":\n    " +
                                           string.Join("\n    ", state.Failed.Concat(state.Waiting)));
            return $"{state.Running.Count} service(s) running";
        });
        return known;
    }

    /// <param name="existing">The secret objects on the swarm (listed by the secrets step, plus those it created).</param>
    private static async Task RemoveUnusedSecretsAsync(ICommandExecutor core, SwarmDeployRequest request, IReadOnlyList<string> existing, CancellationToken ct) =>
        await NodeProgress.StepAsync(request.Core.Name, "old secrets", async () =>
        {
            var inUse = OutputText.Lines((await NodeRun.RequireAsync(core, SwarmCommands.SecretsInUse(), ct)).StandardOutput);
            var unused = UnusedSecrets.Of(existing, inUse, request.Stack.Objects.Keys);
            if (unused.Count == 0) return "none unused";
            await NodeRun.RequireAsync(core, SwarmCommands.RemoveSecrets(unused), ct);
            return $"removed {string.Join(", ", unused)}";
        });
}
