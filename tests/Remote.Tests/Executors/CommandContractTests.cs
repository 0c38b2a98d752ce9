using Ktrdr.Deploy.Remote.Tests.Fixtures;

namespace Ktrdr.Deploy.Remote.Tests.Executors;

/// <summary>The contract of RunAsync, checked on both executors.</summary>
[Collection(SshdCollection.Name)]
public sealed class CommandContractTests(SshServerFixture sshd)
{
    private async Task<CommandResult> RunAsync(string kind, RemoteCommand command)
    {
        await using var executor = await sshd.ExecutorAsync(kind);
        return await executor.RunAsync(command, CancellationToken.None);
    }

    [Theory]
    [ClassData(typeof(ExecutorKinds))]
    public async Task Output_error_and_exit_code_come_back_separately(string kind)
    {
        var result = await RunAsync(kind, new RemoteCommand("echo out; echo err >&2; printf 'ünï ✓'", "outputs"));

        Assert.Equal(0, result.ExitCode);
        Assert.True(result.Succeeded);
        Assert.Equal("out\nünï ✓", result.StandardOutput);
        Assert.Equal("err\n", result.StandardError);
    }

    [Theory]
    [ClassData(typeof(ExecutorKinds))]
    public async Task Non_zero_exit_is_a_result_not_an_exception(string kind)
    {
        var result = await RunAsync(kind, new RemoteCommand("echo failing >&2; exit 7", "fail"));

        Assert.Equal(7, result.ExitCode);
        Assert.False(result.Succeeded);
        Assert.Equal("failing\n", result.StandardError);
    }

    [Theory]
    [ClassData(typeof(ExecutorKinds))]
    public async Task Script_runs_verbatim_whatever_quotes_and_dollars_it_holds(string kind)
    {
        const string script = """x='it'"'"'s'; y="$x \"quoted\" \$HOME \\ `echo tick`"; printf '%s|%s\n' "$x" "$y"; echo "$0" """;

        var result = await RunAsync(kind, new RemoteCommand(script, "quoting"));

        Assert.Equal("it's|it's \"quoted\" $HOME \\ tick\nktrdr-remote\n", result.StandardOutput);
    }

    [Theory]
    [ClassData(typeof(ExecutorKinds))]
    public async Task Standard_input_reaches_the_script_intact_after_the_secrets(string kind)
    {
        const string input = "first line\n\nthird = line with 'quotes' and $VAR\nno newline at end";
        var command = new RemoteCommand("cat; echo; printf %s \"$TOKEN\"", "stdin")
        {
            StandardInput = input,
            SecretEnvironment = new Dictionary<string, string> { ["TOKEN"] = "t0k3n" },
        };

        var result = await RunAsync(kind, command);

        Assert.Equal(input + "\nt0k3n", result.StandardOutput);
    }

    [Theory]
    [ClassData(typeof(ExecutorKinds))]
    public async Task Script_without_standard_input_reads_end_of_file(string kind)
    {
        var result = await RunAsync(kind, new RemoteCommand("wc -c", "no stdin"));

        Assert.Equal("0", result.StandardOutput.Trim());
    }

    [Theory]
    [ClassData(typeof(ExecutorKinds))]
    public async Task Command_past_its_timeout_is_stopped_with_a_clear_error(string kind)
    {
        var command = new RemoteCommand("sleep 30", "wait for the database") { Timeout = TimeSpan.FromSeconds(1) };

        var error = await Assert.ThrowsAsync<RemoteException>(() => RunAsync(kind, command));

        Assert.Contains("'wait for the database' did not finish within 00:00:01", error.Message);
        Assert.Contains("longer timeout", error.Message);
    }

    [Theory]
    [ClassData(typeof(ExecutorKinds))]
    public async Task Sudo_as_root_runs_as_root(string kind)
    {
        var result = await RunAsync(kind, new RemoteCommand("id -u", "whoami") { Sudo = true });

        Assert.Equal("0\n", result.StandardOutput);
    }

    [Theory]
    [ClassData(typeof(ExecutorKinds))]
    public async Task Executor_is_named_after_its_target(string kind)
    {
        await using var executor = await sshd.ExecutorAsync(kind);

        Assert.Equal(kind == "ssh" ? "sshd-root" : "local", executor.Target);
    }
}
