using BuildEngine;
using Ktrdr.Deploy.EntryPoints;

namespace Ktrdr.Build;

/// <summary>A benchmark, not a test: it prints numbers and asserts nothing (see <see cref="RolloutBenchmark"/>).</summary>
partial class Build
{
    Target BenchmarkRollout => _ => _
        .Description("Benchmark (prints numbers): deploy, no-op redeploy, Verify, and the sequential scp + ssh procedure on the same lab, as a ratio")
        .DependsOn(LabUp, PushGhcr, SyncNfsLayout, RenderConfigs)
        .OnlyWhenStatic(() => IsLab)
        .Executes(ct => RolloutBenchmark.RunAsync(Scope(), DeployOptions, Path.Combine(ArtifactsDirectory, "lab", "ssh", "config"),
            async () => await VerifyRun.VerifyAsync(Scope(), new VerifyRequest(DeployRootPath, TimeSpan.FromMinutes(3)), ct), ct));
}
