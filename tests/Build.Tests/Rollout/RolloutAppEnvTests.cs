using System.Text.RegularExpressions;
using TestSupport;

namespace Build.Tests.Rollout;

/// <summary>
/// The application's environment on the same lab, last (issue #15's proofs): a secret that would not reach the
/// application under the name it reads stops a deploy at RenderConfigs, before any node is touched; and a backend that
/// does start with a secret at its public default under KTRDR_ENV=production refuses to, in its own words, which the
/// deploy report shows. Each runs from a copy of the deploy tree with one edit (<c>--deploy-root</c>), never the
/// sandbox's own, and ends with the lab on the tree it was rolled out from.
/// </summary>
public sealed partial class RolloutTests
{
    private const string CoreCompose = "environments/homelab/docker-compose.core.yml";
    private const string JwtFromSecret = "      KTRDR_AUTH_JWT_SECRET: ${JWT_SECRET:?JWT_SECRET is injected at deploy time}\n";
    private const string StandinRefusal =
        "insecure defaults are not allowed in production (KTRDR_ENV=production): KTRDR_AUTH_JWT_SECRET must be set explicitly, it is at its default.";

    /// <summary>A copy of the deploy tree the lab was rolled out from, under the sandbox; relative path and full path.</summary>
    private (string Relative, string Full) CopiedDeployRoot(string name)
    {
        var full = Path.Combine(lab.Sandbox.Root, name);
        RepoFiles.CopyTree(Path.Combine(lab.Sandbox.Root, "deploy"), full);
        return (name, full);
    }

    private static int LineOf(string file, string text) =>
        Array.FindIndex(File.ReadAllLines(file), l => l.Contains(text, StringComparison.Ordinal)) + 1;

    [Fact]
    public async Task F1_A_secret_that_does_not_reach_the_application_under_its_name_stops_the_deploy_at_RenderConfigs_before_any_node_is_touched()
    {
        var (relative, root) = CopiedDeployRoot("ops-secret-misnamed");
        // the mistake issue #15 found in the homelab tree: the backend's signing secret handed over as JWT_SECRET
        lab.Sandbox.Replace($"{relative}/{CoreCompose}", JwtFromSecret, JwtFromSecret.Replace("KTRDR_AUTH_JWT_SECRET:", "JWT_SECRET:", StringComparison.Ordinal));
        var line = LineOf(Path.Combine(root, CoreCompose), "JWT_SECRET: ${JWT_SECRET");
        var stamps = await On("core", "cat /opt/ktrdr-core/.ktrdr-deployed.json");

        var run = await Run("DeployCore", "DeployWorkers", "DeployGpu", "--deploy-root", root, "--skip", "LabUp");
        Assert.Equal(1, run.ExitCode);
        Assert.Matches(new Regex(@"check application environment +FAILED"), run.Output);
        Assert.Matches(new Regex($@"{Regex.Escape(relative)}/environments/homelab/docker-compose\.core\.yml:{line}:\d+: services\.backend\.environment: " +
                                 @"service backend does not receive KTRDR_AUTH_JWT_SECRET \(its secret arrives as JWT_SECRET, which the application does not read\)"), run.Output);
        Assert.Contains("rename JWT_SECRET to KTRDR_AUTH_JWT_SECRET", run.Output);
        Assert.Contains("nothing was written", run.Output);
        Assert.Matches(new Regex(@"DeployCore +\| NotRun"), run.Output);
        Assert.DoesNotContain("pre-flight", run.Output);
        Assert.DoesNotContain(" upload ", run.Output);
        Assert.DoesNotMatch(new Regex(@"^\s+at [\w.]+\(", RegexOptions.Multiline), run.Output);   // no stack trace
        Assert.Equal(stamps, await On("core", "cat /opt/ktrdr-core/.ktrdr-deployed.json"));   // the node was not touched
    }

    /// <summary>
    /// Every supported way of giving the backend a secret at its default is refused before a node is touched: a fetched
    /// value equal to a public default by the secret store, an <c>environment:</c> entry not fed by a topology secret
    /// (shown first here) or a missing one by RenderConfigs. The one place no static check reads is the container's own
    /// command line, so that is where this test sets the default (<c>env KTRDR_AUTH_JWT_SECRET=insecure-dev-secret python
    /// -m uvicorn ...</c>), with <c>KTRDR_ENV: production</c> beside it: the case the application's refusal is for.
    /// </summary>
    [Fact]
    public async Task F2_A_backend_started_under_KTRDR_ENV_production_with_a_default_secret_fails_its_deploy_with_the_applications_own_refusal_and_a_normal_deploy_repairs_the_lab()
    {
        var (relative, root) = CopiedDeployRoot("ops-insecure-production");
        var compose = $"{relative}/{CoreCompose}";
        lab.Sandbox.Replace(compose, "      KTRDR_ENV: ${KTRDR_API_ENVIRONMENT:?KTRDR_API_ENVIRONMENT is set by the deploy tool}\n", "      KTRDR_ENV: production\n");
        lab.Sandbox.Replace(compose, JwtFromSecret, "      KTRDR_AUTH_JWT_SECRET: insecure-dev-secret\n");
        var literal = await Run("RenderConfigs", "--deploy-root", root);
        Assert.Equal(1, literal.ExitCode);
        Assert.Contains("KTRDR_AUTH_JWT_SECRET carries a secret but its value is not one of the topology's secrets", literal.Output);

        lab.Sandbox.Replace(compose, "      KTRDR_AUTH_JWT_SECRET: insecure-dev-secret\n", JwtFromSecret);
        lab.Sandbox.Replace(compose, "command: python -m uvicorn ktrdr.api.main:app",
            "command: env KTRDR_AUTH_JWT_SECRET=insecure-dev-secret python -m uvicorn ktrdr.api.main:app");
        var refused = await Run("DeployCore", "--deploy-root", root, "--skip", "LabUp", "--health-timeout", "90s");
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("core: the new bundle failed its health gate and the node was rolled back to the previous one, which is running again", refused.Output);
        Assert.Matches(new Regex(@"backend\) (keeps restarting|stopped with exit code 1)"), refused.Output);
        Assert.Matches(new Regex(@"last lines of \S+backend\S*'s log:"), refused.Output);
        Assert.Contains(StandinRefusal, refused.Output);   // the application's own words, from the container's log
        Assert.DoesNotMatch(new Regex(@"^\s+at [\w.]+\(", RegexOptions.Multiline), refused.Output);   // no stack trace

        var repaired = await Run("DeployCore", "--skip", "LabUp");   // the sandbox's own tree again: rendered anew, the node on it
        Assert.True(repaired.ExitCode == 0, repaired.ToString());
        Assert.Matches(new Regex(@"  core +(unchanged|deployed) "), repaired.Output);
        var status = await Run("Status", "--target-node", "core", "--skip", "LabUp");
        Assert.Matches(new Regex($@"core +backend +{RolloutLab.Tag} +running"), status.Output);
        Assert.DoesNotContain("drifted", status.Output);
    }
}
