using BuildEngine;
using Ktrdr.Deploy.EntryPoints;

namespace Ktrdr.Build;

partial class Build
{
    [Parameter("Only run tests whose fully qualified name matches this dotnet-test filter (e.g. FullyQualifiedName~Engine)")]
    readonly string? TestFilter;

    /// <summary>README's second command: installs what the tests need (root on Debian) and runs every test project.</summary>
    Target Test => _ => _
        .Description("Install test prerequisites (as root on Debian) and run every test project; prints 'N passed, N failed'")
        .Uses(() => TestFilter)
        .Executes(ct => TestRunner.InstallAndRunAsync(RootDirectory, TestFilter, ct));
}
