using System.Security.Cryptography;
using System.Text;
using Ktrdr.Deploy.Remote.Tests.Fixtures;

namespace Ktrdr.Deploy.Remote.Tests.Executors;

/// <summary>Secret environment values travel only on standard input: never in any process's command line.</summary>
[Collection(SshdCollection.Name)]
public sealed class SecretEnvironmentTests(SshServerFixture sshd)
{
    public static readonly string[] AwkwardValues =
    [
        "with spaces  and\ttabs",
        "single ' and double \" quotes",
        "multi\nline\n",
        "$HOME $(id) `id` ${X:-y} \\n %s",
        "ünïcödé ✓ 日本語 🔑",
        "=starts with equals=and=more",
        "",
        "trailing newlines\n\n",
    ];

    [Theory]
    [ClassData(typeof(ExecutorKinds))]
    public async Task Secret_is_in_no_command_line_while_the_command_runs(string kind)
    {
        var secret = "s3cr3t-" + Guid.NewGuid().ToString("N");
        var marker = $"sleep 3.{Random.Shared.Next(100000, 999999)}";
        var command = new RemoteCommand($"{marker}; printenv MYSECRET | sha256sum", "secret probe")
        {
            SecretEnvironment = new Dictionary<string, string> { ["MYSECRET"] = secret },
        };
        await using var executor = await sshd.ExecutorAsync(kind);

        var running = executor.RunAsync(command, CancellationToken.None);
        var (commandLines, environment) = await WaitForProcessAsync(marker);
        var result = await running;

        var encoded = Convert.ToBase64String(Encoding.UTF8.GetBytes(secret));
        Assert.DoesNotContain(commandLines.Values, line => line.Contains(secret) || line.Contains(encoded));
        Assert.Contains($"MYSECRET={secret}", environment); // where the value lives: the script's own environment
        Assert.Equal(Sha256Hex(secret + "\n") + "  -\n", result.StandardOutput);
        Assert.DoesNotContain(secret, result.StandardOutput + result.StandardError);
    }

    [Theory]
    [ClassData(typeof(ExecutorKinds))]
    public async Task Awkward_values_round_trip_exactly(string kind)
    {
        var secrets = AwkwardValues.Select((value, index) => (Name: $"V{index}", Value: value)).ToDictionary();
        var printAll = "printf '%s\\0' " + string.Join(' ', secrets.Keys.Select(name => $"\"${name}\""));
        await using var executor = await sshd.ExecutorAsync(kind);

        var result = await executor.RunAsync(new RemoteCommand(printAll, "round trip") { SecretEnvironment = secrets }, CancellationToken.None);

        Assert.Equal(AwkwardValues, result.StandardOutput.Split('\0')[..^1]);
    }

    [Theory]
    [ClassData(typeof(ExecutorKinds))]
    public async Task Secret_does_not_reach_the_output_unless_the_script_prints_it(string kind)
    {
        await using var executor = await sshd.ExecutorAsync(kind);
        var command = new RemoteCommand("test -n \"$PASS\" && echo set", "quiet")
        {
            SecretEnvironment = new Dictionary<string, string> { ["PASS"] = "hunter2-secret" },
        };

        var result = await executor.RunAsync(command, CancellationToken.None);

        Assert.Equal("set\n", result.StandardOutput);
        Assert.DoesNotContain("hunter2", result.StandardOutput + result.StandardError);
    }

    [Theory]
    [InlineData("1ABC")]
    [InlineData("WITH SPACE")]
    [InlineData("A=B")]
    [InlineData("")]
    public async Task Invalid_secret_name_is_refused_before_anything_runs(string name)
    {
        await using var executor = await sshd.ExecutorAsync("local");
        var command = new RemoteCommand("true", "bad name") { SecretEnvironment = new Dictionary<string, string> { [name] = "v" } };

        var error = await Assert.ThrowsAsync<ArgumentException>(() => executor.RunAsync(command, CancellationToken.None));

        Assert.Contains($"Command 'bad name': secret environment name '{name}' is not a valid shell variable name", error.Message);
    }

    [Fact]
    public async Task Secret_with_a_nul_character_is_refused()
    {
        await using var executor = await sshd.ExecutorAsync("local");
        var command = new RemoteCommand("true", "nul") { SecretEnvironment = new Dictionary<string, string> { ["K"] = "a\0b" } };

        var error = await Assert.ThrowsAsync<ArgumentException>(() => executor.RunAsync(command, CancellationToken.None));

        Assert.Contains("the value of secret 'K' contains a NUL character", error.Message);
    }

    private static async Task<(IReadOnlyDictionary<int, string> CommandLines, string? Environment)> WaitForProcessAsync(string marker)
    {
        for (var attempt = 0; attempt < 500; attempt++)
        {
            var lines = ProcessTable.CommandLines();
            var sleeper = lines.FirstOrDefault(pair => pair.Value.TrimEnd() == marker);
            if (sleeper.Value is not null)
            {
                return (lines, ProcessTable.Environment(sleeper.Key));
            }

            await Task.Delay(10);
        }

        throw new InvalidOperationException($"The command's process '{marker}' never showed up in /proc.");
    }

    private static string Sha256Hex(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
