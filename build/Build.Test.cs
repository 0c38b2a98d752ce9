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
        .Executes(async ct =>
        {
            var missing = await HostPackages.EnsureAsync(
                [HostPackages.Promtool, HostPackages.DockerCompose, HostPackages.Sshd, HostPackages.SshKeygen, HostPackages.Sudo, HostPackages.Alertmanager, .. LabTools], ct);
            if (missing.Count > 0)
                throw new BuildFailedException($"cannot run the tests without: {string.Join(", ", missing.Select(m => m.Command))} (see the install command above)");

            var results = await TestRunner.RunAsync(RootDirectory, TestFilter, ct);
            Console.WriteLine();
            Console.WriteLine($"Tests: {results.Passed} passed, {results.Failed} failed, {results.Skipped} skipped");
            if (results.Failed > 0 || results.ExitCode != 0)
                throw new BuildFailedException($"{results.Failed} test(s) failed (exit code {results.ExitCode}); results in {results.ResultsDirectory}");
            if (results.Passed == 0)
                throw new BuildFailedException("no test ran");
        });
}
