using Ktrdr.Deploy.Rendering.Bundles;
using Ktrdr.Deploy.Rendering.Prometheus;
using Ktrdr.Deploy.Rendering.Tools;
using Ktrdr.Deploy.Topology;

namespace Ktrdr.Deploy.Rendering.Checks;

/// <summary>Everything a check may look at. Checks never write; tool checks run external tools on copies.</summary>
public sealed record RenderContext(
    EnvironmentTopology Env,
    DeploySources Sources,
    IReadOnlyList<RenderedBundle> Bundles,
    IReadOnlyList<ScrapeJob> Jobs,
    IToolRunner Tools)
{
    /// <summary>Placeholder values standing in for secrets wherever a check needs a value (never real ones).</summary>
    public IReadOnlyDictionary<string, string> SecretPlaceholders =>
        Env.Secrets.Keys.ToDictionary(k => k, k => $"placeholder-for-{k.ToLowerInvariant()}");

}

/// <summary>One consistency check. Returns every problem it finds (empty when all is well).</summary>
public interface IRenderCheck
{
    /// <summary>Short name shown in the check table, e.g. "compose variables".</summary>
    string Name { get; }

    IEnumerable<Diagnostic> Run(RenderContext context);
}

internal static class DiagnosticAt
{
    public static Diagnostic Compose(Compose.ComposeFile file, SourcePosition at, string field, string message, string hint) =>
        new(file.Path, at.Line, at.Column, field, message, hint);
}
