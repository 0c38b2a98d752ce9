using BuildEngine;
using Ktrdr.Deploy.EntryPoints;
using Ktrdr.Deploy.Rendering.AppEnv;
using Ktrdr.Deploy.Topology.AppEnvironment;

namespace Ktrdr.Build;

partial class Build
{
    [Parameter("CheckAppEnv: write the regenerated deploy/app/ktrdr-env.tsv (default: only compare)")]
    readonly bool UpdateCatalog;

    /// <summary>Regenerates the application's environment catalogue from a KTRDR checkout and checks every deploy file against it.</summary>
    Target CheckAppEnv => _ => _
        .Description("Regenerate deploy/app/ktrdr-env.tsv from a KTRDR checkout (--ktrdr-root); fail when a deploy file sets a variable it no longer reads or it added a required one")
        .Requires(() => KtrdrRoot)
        .Uses(() => KtrdrRoot, () => DeployRoot, () => UpdateCatalog)
        .Executes(() => AppEnvReport.PrintOrFail(AppEnvRegeneration.Run(Path.GetFullPath(KtrdrRoot!), DeployRootPath,
            Path.Combine(RootDirectory, AppEnvCatalog.RepositoryPath), UpdateCatalog)));
}
