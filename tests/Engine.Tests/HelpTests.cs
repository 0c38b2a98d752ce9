using BuildEngine;
using Engine.Tests.Support;

namespace Engine.Tests;

public sealed class HelpTests : IDisposable
{
    private readonly BuildHarness harness = new();

    public void Dispose() => harness.Dispose();

    private string[] Help()
    {
        var result = harness.RunWithDefaults<SampleBuild>(["--help"], [x => x.Default]);
        Assert.Equal(0, result.ExitCode);
        return result.Output.ReplaceLineEndings("\n").Split('\n');
    }

    [Fact]
    public void Help_lists_targets_with_description_dependencies_and_the_default_marked()
    {
        var lines = Help();

        Assert.Contains(lines, l => l.StartsWith("  BuildImages ") && l.EndsWith("Build the images  (depends on: Restore)"));
        Assert.Contains(lines, l => l.StartsWith("  Default * ") && l.Contains("Everything"));
        Assert.Contains(lines, l => l.StartsWith("  Verify ") && l.EndsWith("Probe every service"));
    }

    [Fact]
    public void Help_hides_unlisted_targets()
    {
        Assert.DoesNotContain(Help(), l => l.Contains("Internal"));
    }

    [Fact]
    public void Help_describes_each_parameter_with_type_default_users_and_environment_variables()
    {
        var lines = Help();

        var tag = Array.FindIndex(lines, l => l.StartsWith("  --tag <string>  Image tag"));
        Assert.True(tag >= 0, string.Join("\n", lines));
        Assert.Equal("      default: latest; used by: BuildImages, PushGhcr; env: KTRDR_TAG, TAG", lines[tag + 1]);
        var node = Array.FindIndex(lines, l => l.StartsWith("  --target-node <string[]>  Node(s) to deploy to"));
        Assert.Equal("      default: (none); required by: DeployWorkers; env: KTRDR_TARGET_NODE, TARGET_NODE", lines[node + 1]);
    }

    [Fact]
    public void Help_shows_a_secret_default_as_stars()
    {
        var lines = Help();

        Assert.Contains("      default: ***; secret; required by: PushGhcr; env: KTRDR_REGISTRY_PASSWORD, REGISTRY_PASSWORD", lines);
        Assert.DoesNotContain(lines, l => l.Contains(SampleBuild.DefaultPassword));
    }

    [Fact]
    public void Help_needs_no_root_directory_and_runs_nothing()
    {
        var outside = Directory.CreateTempSubdirectory("engine-no-root-").FullName;
        try
        {
            var output = new StringWriter();
            var exitCode = BuildRunner.Run<SampleBuild>(["--help"], new RunContext { WorkingDirectory = outside, Output = output });

            Assert.Equal(0, exitCode);
            Assert.Contains("Usage: ./build.sh", output.ToString());
            Assert.False(File.Exists(Path.Combine(outside, RecordingBuild.ExecutedFile)));
        }
        finally
        {
            Directory.Delete(outside, true);
        }
    }
}
