using Ktrdr.Deploy.GitHub;
using Ktrdr.Deploy.Rollout.Orchestration;
using Ktrdr.Deploy.Topology;
using Serilog;

namespace Ktrdr.Deploy.EntryPoints;

/// <summary>
/// Records a deploy as a GitHub Deployment (in_progress, then success or failure) when GitHub is on; says once that it
/// is off otherwise. GitHub failing never fails a deploy.
/// </summary>
public sealed class GitHubDeploymentRecorder(GitHubSetup setup, Func<string> commitSha, Func<string> tag, Func<EnvironmentTopology, string> environmentUrl)
    : IDeploymentRecorder
{
    public async Task<T> RecordAsync<T>(EnvironmentTopology env, string target, IReadOnlyList<NodeSpec> nodes, Func<Task<T>> operation, CancellationToken ct)
    {
        if (!setup.IsOn)
        {
            Log.Information("{Report}: this deploy is not recorded on GitHub", setup.Report);
            return await operation();
        }
        var github = new GitHubDeployments(setup.Settings!);
        var names = nodes.Select(n => n.Name).ToList();
        var start = await github.StartAsync(commitSha(), env.Name, $"{target} {tag()} to {string.Join(",", names)}", names, tag(), ct);
        if (start.Warning is { } warning) Log.Warning("{Warning}", warning);
        else Log.Information("GitHub deployment {Id} to {Environment}: in_progress", start.Handle?.Id, env.Name);
        var succeeded = false;
        try
        {
            var result = await operation();
            succeeded = true;
            return result;
        }
        finally
        {
            var finished = await github.FinishAsync(start.Handle, succeeded, environmentUrl(env), $"{target} {(succeeded ? "succeeded" : "failed")}", CancellationToken.None);
            if (finished is not null) Log.Warning("{Warning}", finished);
            else if (start.Handle is not null) Log.Information("GitHub deployment {Id}: {State}", start.Handle.Id, succeeded ? "success" : "failure");
        }
    }
}
