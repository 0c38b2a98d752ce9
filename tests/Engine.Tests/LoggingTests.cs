using System.Text.RegularExpressions;
using Engine.Tests.Support;

namespace Engine.Tests;

public sealed class LoggingTests : IDisposable
{
    private readonly BuildHarness harness = new();

    public void Dispose() => harness.Dispose();

    [Fact]
    public void Each_run_writes_a_log_file_named_by_time_and_invoked_targets()
    {
        harness.Run<SampleBuild>("Verify", "Restore");

        var file = Path.GetFileName(Assert.Single(harness.LogFiles));
        Assert.Matches(@"^\d{8}-\d{6}-\d+-Restore-Verify\.log$", file);
    }

    [Fact]
    public void Target_start_and_end_lines_with_duration_reach_console_and_file()
    {
        var result = harness.Run<SampleBuild>("Restore");

        var consoleLine = new Regex(@"^\d\d:\d\d:\d\d \[INF\] Finished Restore in \d+\.\d\ds$", RegexOptions.Multiline);
        Assert.Matches(consoleLine, result.Output.ReplaceLineEndings("\n"));
        Assert.Matches(@"\d\d:\d\d:\d\d \[INF\] Starting Restore", result.Output);
        var log = File.ReadAllText(Assert.Single(harness.LogFiles));
        Assert.Contains("[INF] Starting Restore", log);
        Assert.Contains("[INF] Finished Restore in", log);
    }

    [Fact]
    public void Quiet_keeps_information_off_the_console_but_not_out_of_the_file()
    {
        var result = harness.Run<SampleBuild>("Restore", "--verbosity", "quiet");

        Assert.DoesNotContain("Starting Restore", result.Output);
        Assert.Contains("Exit code: 0", result.Output);
        Assert.Contains("Starting Restore", File.ReadAllText(Assert.Single(harness.LogFiles)));
    }

    [Fact]
    public void Debug_lines_show_on_the_console_only_when_verbose()
    {
        var normal = harness.Run<SampleBuild>("Restore");
        var verbose = harness.Run<SampleBuild>("Restore", "--verbosity", "verbose");

        Assert.DoesNotContain("[DBG]", normal.Output);
        Assert.Contains("[DBG] Root ", verbose.Output);
    }

    [Fact]
    public void A_bad_verbosity_is_a_usage_error()
    {
        var result = harness.Run<SampleBuild>("Restore", "--verbosity", "loud");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--verbosity: \"loud\" is not one of: quiet, normal, verbose.", result.Output);
    }
}
