using BuildEngine;
using Engine.Tests.Support;
using Serilog;

namespace Engine.Tests;

public sealed class MaskingTests : IDisposable
{
    // A fresh value per test: the masker is process-wide, so a value registered by an earlier test proves nothing.
    private readonly string token = $"ghp_{Guid.NewGuid():N}";

    private sealed class LeakyBuild : RecordingBuild
    {
        [Parameter("Registry token")] [Secret] readonly string? RegistryToken = null;

        Target Template => _ => _.Executes(() => Log.Information("token in template: " + RegistryToken));
        Target Property => _ => _.Executes(() => Log.Warning("token as property: {Token}", RegistryToken));
        Target Structured => _ => _.Executes(() => Log.Information("token in object: {@Login}", new { User = "ci", Password = RegistryToken }));
        Target Exception => _ => _.After(Template, Property, Structured).ProceedAfterFailure()
            .Executes(() => throw new InvalidOperationException($"login failed with {RegistryToken}\nsecond line {RegistryToken}"));
    }

    private readonly BuildHarness harness = new();

    public void Dispose() => harness.Dispose();

    [Theory]
    [InlineData("normal")]
    [InlineData("verbose")]
    public void A_secret_never_reaches_the_console_or_the_log_file(string verbosity)
    {
        harness.Environment["REGISTRY_TOKEN"] = token;

        var result = harness.Run<LeakyBuild>("Template", "Property", "Structured", "Exception", "--verbosity", verbosity);

        var log = File.ReadAllText(Assert.Single(harness.LogFiles));
        Assert.DoesNotContain(token, result.Output);
        Assert.DoesNotContain(token, log);
        Assert.Contains("token in template: ***", log);
        Assert.Contains("token as property: ***", log);
        var structured = log.Split('\n').Single(line => line.Contains("token in object:"));
        Assert.Contains("Password", structured);
        Assert.Contains("***", structured);
        Assert.Contains("login failed with ***", result.Output);
        Assert.Contains("second line ***", log);
    }

    [Fact]
    public void A_secret_in_the_failure_annotation_and_summary_is_masked()
    {
        harness.Environment["GITHUB_ACTIONS"] = "true";

        var result = harness.Run<LeakyBuild>("Exception", "--registry-token", token);

        Assert.Contains("::error title=Exception failed::login failed with ***%0Asecond line ***", result.Output);
        Assert.Contains("| Exception | Failed", result.Output);
        Assert.DoesNotContain(token, result.Output);
    }

    [Fact]
    public void The_masker_replaces_every_registered_value_and_ignores_short_ones()
    {
        SecretMasker.Register("abc");
        SecretMasker.Register("pa55word-long");
        SecretMasker.Register("pa55word");

        Assert.Equal("abc *** and *** x", SecretMasker.Mask("abc pa55word-long and pa55word x"));
    }

    [Fact]
    public void A_secret_written_in_pieces_is_masked_as_a_whole_line()
    {
        SecretMasker.Register("split-secret-value");
        var inner = new StringWriter();
        using (var writer = new MaskingTextWriter(inner))
        {
            writer.Write("key=split-");
            writer.Write("secret-");
            writer.WriteLine("value");
            writer.Write("tail split-secret-value");
        }

        Assert.Equal("key=***" + Environment.NewLine + "tail ***", inner.ToString());
    }

    [Fact]
    public void A_secret_given_on_the_command_line_draws_a_warning_naming_the_environment_variable()
    {
        var result = harness.Run<LeakyBuild>("Template", "--registry-token", token);

        Assert.Contains("WARNING: secret --registry-token was given on the command line", result.Output);
        Assert.Contains("set environment variable REGISTRY_TOKEN instead", result.Output);
    }
}
