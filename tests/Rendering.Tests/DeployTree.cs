using Ktrdr.Deploy.Rendering;
using Ktrdr.Deploy.Rendering.Tools;
using Ktrdr.Deploy.Topology;
using TestSupport;

namespace Rendering.Tests;

/// <summary>A private copy of the repository's deploy/ tree that a test may break on purpose.</summary>
public sealed class DeployTree : IDisposable
{
    public const string Tag = "sha-1a2b3c4";

    public static string RepoRoot => RepoFiles.Root;

    public string Root { get; }

    public DeployTree()
    {
        Root = Directory.CreateTempSubdirectory("ktrdr-deploy-").FullName;
        RepoFiles.CopyTree(Path.Combine(RepoRoot, "deploy"), Root);
    }

    /// <summary>Replaces the first occurrence of <paramref name="from"/> (which must exist) in a file under the tree.</summary>
    public DeployTree Replace(string relativePath, string from, string to)
    {
        var path = Path.Combine(Root, relativePath);
        var text = File.ReadAllText(path);
        var at = text.IndexOf(from, StringComparison.Ordinal);
        Assert.True(at >= 0, $"test setup: \"{from}\" not found in {relativePath}");
        File.WriteAllText(path, text[..at] + to + text[(at + from.Length)..]);
        return this;
    }

    /// <summary>1-based line of the first occurrence of <paramref name="text"/> in a file under the tree.</summary>
    public int LineOf(string relativePath, string text)
    {
        var lines = File.ReadAllLines(Path.Combine(Root, relativePath));
        return Array.FindIndex(lines, l => l.Contains(text, StringComparison.Ordinal)) + 1;
    }

    public EnvironmentTopology Topology(string environment = "homelab") => TopologyLoader.Load(Root, environment);

    public RenderOutcome Render(string environment = "homelab", IToolRunner? tools = null) =>
        RenderPipeline.Run(Topology(environment), Root, Tag, tools ?? new ProcessToolRunner());

    /// <summary>The environment rendered as one Swarm stack (the engine switched, the topology otherwise as written).</summary>
    public RenderOutcome RenderSwarm(string environment = "lab", IToolRunner? tools = null) =>
        RenderPipeline.Run(Topology(environment) with { Engine = DeployEngine.Swarm }, Root, Tag, tools ?? new ProcessToolRunner());

    public void Dispose() => Directory.Delete(Root, recursive: true);
}

internal static class OutcomeAssertions
{
    /// <summary>The single error a check reported; fails listing everything reported when there is not exactly one.</summary>
    public static Diagnostic SingleError(this RenderOutcome outcome, string check)
    {
        var errors = outcome.Checks.Single(c => c.Check == check).Diagnostics.Where(d => d.IsError).ToList();
        Assert.True(errors.Count == 1, $"expected one error from '{check}', got {errors.Count}:\n" + string.Join("\n", outcome.AllDiagnostics));
        return errors[0];
    }

    public static void AssertClean(this RenderOutcome outcome) =>
        Assert.True(outcome.AllDiagnostics.All(d => !d.IsError) && outcome.AllDiagnostics.All(d => d.Severity != DiagnosticSeverity.Warning),
            "expected no problems, got:\n" + string.Join("\n", outcome.AllDiagnostics));
}
