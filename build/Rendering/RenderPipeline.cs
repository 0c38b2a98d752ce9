using Ktrdr.Deploy.Rendering.Bundles;
using Ktrdr.Deploy.Rendering.Checks;
using Ktrdr.Deploy.Rendering.Prometheus;
using Ktrdr.Deploy.Rendering.Tools;
using Ktrdr.Deploy.Topology;

namespace Ktrdr.Deploy.Rendering;

/// <summary>The outcome of one check: its name and what it found.</summary>
public sealed record CheckOutcome(string Check, IReadOnlyList<Diagnostic> Diagnostics)
{
    public bool Passed => Diagnostics.All(d => !d.IsError);
}

/// <summary>What a render produced: every node's bundle and every check's findings.</summary>
public sealed record RenderOutcome(
    IReadOnlyList<RenderedBundle> Bundles,
    IReadOnlyList<Diagnostic> LoadProblems,
    IReadOnlyList<CheckOutcome> Checks)
{
    public IEnumerable<Diagnostic> AllDiagnostics => LoadProblems.Concat(Checks.SelectMany(c => c.Diagnostics));
    public bool Succeeded => AllDiagnostics.All(d => !d.IsError);
}

/// <summary>Renders every node of an environment and runs every check on the result. Writes nothing.</summary>
public static class RenderPipeline
{
    public static IReadOnlyList<IRenderCheck> DefaultChecks() =>
    [
        new ComposeVariablesCheck(), new PortAgreementCheck(), new HostPortCheck(), new WorkerUrlCheck(), new MountSourceCheck(),
        new StorageIdentityCheck(), new DashboardDatasourceCheck(), new DashboardQueryCheck(),
        new PromQlParseCheck(), new PromtoolConfigCheck(), new ComposeConfigCheck(),
        new AppEnvironmentCheck(), new ComposeDefaultsCheck(),
        new AlertRuleQueryCheck(), new RuleTestCoverageCheck(), new PromtoolRulesCheck(), new PromtoolRuleTestsCheck(), new AlertmanagerConfigCheck(),
    ];

    /// <summary>The default checks, and with <c>engine: swarm</c> the stack's own.</summary>
    private static IReadOnlyList<IRenderCheck> ChecksFor(EnvironmentTopology env) =>
        env.Engine == DeployEngine.Swarm ? [.. DefaultChecks(), new Swarm.SwarmStackCheck()] : DefaultChecks();

    public static RenderOutcome Run(EnvironmentTopology env, string deployRoot, string tag, IToolRunner tools, IReadOnlyList<IRenderCheck>? checks = null)
    {
        var problems = new List<Diagnostic>();
        var sources = DeploySources.Load(deployRoot, env, problems);
        var bundles = BundleRenderer.RenderAll(env, sources, tag);
        var context = new RenderContext(env, sources, bundles, ScrapeConfigGenerator.Jobs(env, sources), tools);
        var outcomes = (checks ?? ChecksFor(env)).Select(c => new CheckOutcome(c.Name, c.Run(context).ToList())).ToList();
        return new RenderOutcome(bundles, problems, outcomes);
    }
}
