using System.Diagnostics;
using Ktrdr.Deploy.Images.Tests.Support;
using Ktrdr.Deploy.Topology;

namespace Ktrdr.Deploy.Images.Tests;

/// <summary>
/// The secrets entrypoint (deploy/docker/ktrdr-secrets-env) run by a real /bin/sh, as every image we build runs it, with
/// its folder pointed at a scratch folder (KTRDR_SECRETS_DIR) instead of /run/secrets; and the rule that every image we
/// build runs it first.
/// </summary>
public sealed class SecretsEntrypointTests : IDisposable
{
    private static readonly string Script = Path.Combine(Samples.DeployRoot, ImagePlanner.SecretsEntrypoint);
    private readonly ScratchFolder _secrets = new();

    public void Dispose() => _secrets.Dispose();

    private sealed record Run(int ExitCode, string Output, string Error);

    private async Task<Run> RunAsync(string? folder, params string[] command)
    {
        var start = new ProcessStartInfo("/bin/sh") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Script);
        foreach (var arg in command) start.ArgumentList.Add(arg);
        start.Environment["KTRDR_SECRETS_DIR"] = folder ?? Path.Combine(_secrets.Path, "absent");
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return new Run(process.ExitCode, await output, await error);
    }

    [Fact]
    public async Task Each_file_named_like_a_variable_becomes_that_variable_with_its_exact_value()
    {
        _secrets.Write("DB_PASSWORD", "p a\"s$s `w` 'd'\\n\n\n");   // trailing newlines dropped, everything else kept
        _secrets.Write("KTRDR_AUTH_JWT_SECRET", "jwt");

        var run = await RunAsync(_secrets.Path, "sh", "-c", "printf '%s|%s' \"$DB_PASSWORD\" \"$KTRDR_AUTH_JWT_SECRET\"");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("p a\"s$s `w` 'd'\\n|jwt", run.Output);
    }

    [Fact]
    public async Task Files_not_named_like_a_variable_and_folders_are_left_alone()
    {
        _secrets.Write("lower_case", "x");
        _secrets.Write("Mixed", "x");
        _secrets.Write("BAD-NAME", "x");
        _secrets.Write("_LEADING", "x");
        _secrets.Write("FOLDER/INNER", "x");
        _secrets.Write("GOOD_1", "kept");

        var run = await RunAsync(_secrets.Path, "env");

        var names = run.Output.Split('\n').Select(line => line.Split('=')[0]).ToHashSet(StringComparer.Ordinal);
        Assert.Contains("GOOD_1", names);
        Assert.DoesNotContain(names, n => n is "lower_case" or "Mixed" or "BAD-NAME" or "_LEADING" or "FOLDER" or "INNER");
    }

    [Fact]
    public async Task Without_a_secrets_folder_it_only_runs_the_command_with_its_arguments_and_exit_code()
    {
        var run = await RunAsync(null, "sh", "-c", "printf '%s,' \"$@\"; exit 7", "sh", "two words", "");

        Assert.Equal(7, run.ExitCode);
        Assert.Equal("two words,,", run.Output);
    }

    [Fact]
    public async Task The_command_replaces_the_script_so_it_is_the_process_that_gets_the_signals()
    {
        var run = await RunAsync(null, "sh", "-c", "cat /proc/$$/cmdline | tr '\\0' ' '");

        Assert.Equal(0, run.ExitCode);
        Assert.DoesNotContain("ktrdr-secrets-env", run.Output);   // exec: no shell of ours is left as the parent
    }

    [Fact]
    public async Task No_value_leaks_into_its_own_variables_or_the_commands_arguments()
    {
        _secrets.Write("API_TOKEN", "token-value-123");

        var run = await RunAsync(_secrets.Path, "sh", "-c", "env; printf 'args:%s\\n' \"$*\"");

        Assert.Single(run.Output.Split('\n'), line => line.Contains("token-value-123", StringComparison.Ordinal));   // API_TOKEN= only
        Assert.DoesNotContain(run.Output.Split('\n'), line => line.StartsWith("_ks", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Without_a_command_it_says_what_it_needs_and_exits_64()
    {
        var run = await RunAsync(null);

        Assert.Equal(64, run.ExitCode);
        Assert.Contains("no command to run", run.Error);
    }

    [Theory]
    [InlineData("lab")]
    [InlineData("homelab")]
    public void Every_image_an_environment_builds_runs_the_secrets_entrypoint_first(string environment)
    {
        var topology = TopologyLoader.Load(Samples.DeployRoot, environment);
        var recipes = ImagePlanner.Plan(topology, Samples.DeployRoot, ktrdrRoot: FakeCheckout());

        Assert.NotEmpty(recipes);
        foreach (var recipe in recipes)
        {
            Assert.Equal(Path.GetFullPath(Script), recipe.SecretsEntrypoint);
            var text = File.ReadAllText(recipe.Dockerfile);
            var entrypoint = text.Split('\n').Last(l => l.StartsWith("ENTRYPOINT ", StringComparison.Ordinal));
            Assert.StartsWith("ENTRYPOINT [\"/usr/local/bin/ktrdr-secrets-env\"", entrypoint);
            var copy = recipe.Kind == ContextKind.Checkout ? "COPY --from=ktrdr-deploy --chmod=0755 ktrdr-secrets-env " : "COPY ktrdr-secrets-env ";
            Assert.Contains(copy + "/usr/local/bin/ktrdr-secrets-env", text);
        }
    }

    private string FakeCheckout()
    {
        _secrets.Write("checkout/pyproject.toml", "[project]\nversion = \"1.0.0\"\n");
        return Path.Combine(_secrets.Path, "checkout");
    }
}
