using Commands.Tests.Support;
using Ktrdr.Deploy.Commands.Health;
using Ktrdr.Deploy.Commands.Output;
using Ktrdr.Deploy.Remote;
using Ktrdr.Deploy.Remote.Local;
using static Ktrdr.Deploy.Remote.Execution.ShellQuote;

namespace Commands.Tests.Health;

public class HealthProbeTests
{
    // the backend's check in deploy/environments/homelab/docker-compose.core.yml: single quotes inside one argument
    private const string PythonCheck = "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/api/v1/health', timeout=5)";

    [Fact]
    public void A_CMD_test_runs_its_arguments_as_they_are() =>
        Assert.Equal(["python", "-c", "x"], HealthProbe.Command(["CMD", "python", "-c", "x"]));

    [Fact]
    public void A_CMD_SHELL_test_runs_through_bin_sh() =>
        Assert.Equal(["/bin/sh", "-c", "pg_isready"], HealthProbe.Command(["CMD-SHELL", "pg_isready"]));

    [Theory]
    [InlineData("")]
    [InlineData("NONE")]
    [InlineData("CMD")]
    public void No_test_or_NONE_has_no_command(string words) =>
        Assert.Null(HealthProbe.Command(words.Split(' ', StringSplitOptions.RemoveEmptyEntries)));

    [Fact]
    public void Tests_inspects_the_quoted_ids_for_their_health_check()
    {
        var command = HealthProbe.Tests(["abc123", "def456"]);

        Assert.Equal("exec docker inspect --format '{{.Id}} {{json .Config.Healthcheck.Test}}' 'abc123' 'def456'", command.Script);
        Assert.Contains("2 container(s)", command.Description);
    }

    [Fact]
    public void ParseTests_reads_id_and_json_per_line_and_skips_containers_without_a_check()
    {
        var output = Sample.Output(
            "abc123 [\"CMD\",\"python\",\"-c\",\"x\"]\n" +
            "def456 [\"CMD-SHELL\",\"PGUSER=\\\"$POSTGRES_USER\\\" pg_isready -q\"]\n" +
            "none789 [\"NONE\"]\n" +
            "null000 null\n\n");

        var tests = HealthProbe.ParseTests(output);

        Assert.Equal(["abc123", "def456"], tests.Select(t => t.ContainerId));
        Assert.Equal(["python", "-c", "x"], tests[0].Command);
        Assert.Equal(["/bin/sh", "-c", "PGUSER=\"$POSTGRES_USER\" pg_isready -q"], tests[1].Command);
    }

    [Fact]
    public void ParseTests_of_a_failed_inspect_throws()
    {
        var failed = Sample.Output("", exitCode: 1, standardError: "Error: No such object: abc123");

        var error = Assert.Throws<UnexpectedOutputException>(() => HealthProbe.ParseTests(failed));

        Assert.Contains("No such object", error.Message);
    }

    [Fact]
    public void ParseTests_of_a_line_without_id_and_json_throws() =>
        Assert.Throws<UnexpectedOutputException>(() => HealthProbe.ParseTests(Sample.Output("abc123\n")));

    [Fact]
    public void Run_quotes_every_argument_and_prints_ok_or_fail_per_id()
    {
        var run = HealthProbe.Run([new HealthTest("abc123", ["python", "-c", PythonCheck])], timeoutSeconds: 7);

        Assert.Contains($"timeout 7 docker exec 'abc123' 'python' '-c' {Quote(PythonCheck)} >/dev/null 2>&1", run.Script);
        Assert.Contains("'\\''http://127.0.0.1:8000/api/v1/health'\\''", run.Script);
        Assert.Contains("then echo 'abc123'=ok; else echo 'abc123'=fail; fi", run.Script);
        Assert.EndsWith("; true", run.Script);
    }

    [Fact]
    public async Task Run_keeps_each_argument_one_word_in_a_real_shell()
    {
        using var tree = new TempTree();
        var bin = tree.Directory("bin");
        // a stand-in docker: passes only when called as `docker exec good python -c <PythonCheck>`, four words after exec
        File.WriteAllText(Path.Combine(bin, "docker"),
            "#!/bin/sh\n[ \"$#\" -eq 5 ] && [ \"$2\" = good ] && [ \"$5\" = " + Quote(PythonCheck) + " ]\n");
        File.SetUnixFileMode(Path.Combine(bin, "docker"), (UnixFileMode)Convert.ToInt32("755", 8));
        var run = HealthProbe.Run([new HealthTest("good", ["python", "-c", PythonCheck]), new HealthTest("bad", ["false"])]);

        var result = await new LocalExecutor().RunAsync(
            run with { Script = $"PATH={Quote(bin)}:\"$PATH\"; export PATH; {run.Script}" }, default);

        Assert.True(result.Succeeded, result.StandardError);
        Assert.Equal("good=ok\nbad=fail\n", result.StandardOutput);
        Assert.Equal(["good"], HealthProbe.ParsePassed(result));
    }

    [Fact]
    public void ParsePassed_returns_only_the_ids_that_passed() =>
        Assert.Equal(
            new HashSet<string> { "abc123", "ghi789" },
            HealthProbe.ParsePassed(Sample.Output("abc123=ok\ndef456=fail\r\nghi789=ok\nnoise\njkl=oks\n")));
}
