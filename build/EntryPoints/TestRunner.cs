using System.Xml.Linq;
using BuildEngine;
using CliWrap;

namespace Ktrdr.Deploy.EntryPoints;

/// <summary>Totals over every test project of one run, read from the TRX files dotnet test writes.</summary>
public sealed record TestTotals(int Passed, int Failed, int Skipped, int ExitCode, string ResultsDirectory);

/// <summary>Runs tests/Tests.slnx with dotnet test, streaming its output, and adds up the TRX counters.</summary>
public static class TestRunner
{
    /// <summary>README's second command: installs what the tests need (root on Debian), runs them, prints one totals line.</summary>
    public static async Task InstallAndRunAsync(string root, string? filter, CancellationToken ct)
    {
        var missing = await HostPackages.EnsureAsync(
            [HostPackages.Promtool, HostPackages.DockerCompose, HostPackages.Sshd, HostPackages.SshKeygen, HostPackages.Sudo, HostPackages.Alertmanager, .. LabRun.Tools], ct);
        if (missing.Count > 0)
            throw new BuildFailedException($"cannot run the tests without: {string.Join(", ", missing.Select(m => m.Command))} (see the install command above)");

        var results = await RunAsync(root, filter, ct);
        Console.WriteLine();
        Console.WriteLine($"Tests: {results.Passed} passed, {results.Failed} failed, {results.Skipped} skipped");
        if (results.Failed > 0 || results.ExitCode != 0)
            throw new BuildFailedException($"{results.Failed} test(s) failed (exit code {results.ExitCode}); results in {results.ResultsDirectory}");
        if (results.Passed == 0)
            throw new BuildFailedException("no test ran");
    }

    public static async Task<TestTotals> RunAsync(string root, string? filter, CancellationToken ct)
    {
        var results = Path.Combine(root, ".artifacts", "test-results");
        if (Directory.Exists(results)) Directory.Delete(results, recursive: true);
        var args = new List<string>
        {
            "test", Path.Combine(root, "tests", "Tests.slnx"), "--nologo",
            "--logger", "trx", "--logger", "console;verbosity=minimal", "--results-directory", results,
        };
        if (!string.IsNullOrWhiteSpace(filter)) args.AddRange(["--filter", filter]);

        using var stdout = Console.OpenStandardOutput();
        using var stderr = Console.OpenStandardError();
        var run = await Cli.Wrap("dotnet").WithArguments(args).WithWorkingDirectory(root)
            .WithStandardOutputPipe(PipeTarget.ToStream(stdout)).WithStandardErrorPipe(PipeTarget.ToStream(stderr))
            .WithValidation(CommandResultValidation.None).ExecuteAsync(ct);

        int passed = 0, failed = 0, skipped = 0;
        foreach (var trx in Directory.Exists(results) ? Directory.EnumerateFiles(results, "*.trx", SearchOption.AllDirectories) : [])
        {
            var counters = XDocument.Load(trx).Descendants().First(e => e.Name.LocalName == "Counters");
            int Count(string name) => int.TryParse(counters.Attribute(name)?.Value, out var n) ? n : 0;
            passed += Count("passed");
            failed += Count("failed") + Count("error") + Count("timeout") + Count("aborted");
            skipped += Count("notExecuted");
        }
        return new TestTotals(passed, failed, skipped, run.ExitCode, results);
    }
}
