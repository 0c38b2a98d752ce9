using BuildEngine;
using Engine.Tests.Support;

namespace Engine.Tests;

public sealed class RootDirectoryTests : IDisposable
{
    private readonly BuildHarness harness = new();

    public void Dispose() => harness.Dispose();

    [Fact]
    public void The_root_is_the_nearest_folder_upwards_with_a_nuke_folder()
    {
        var nested = Directory.CreateDirectory(Path.Combine(harness.Root, "deploy", "lab")).FullName;

        Assert.Equal(harness.Root, RootDirectoryLocator.Find(nested, null).Value);
    }

    [Fact]
    public void The_root_option_overrides_the_search()
    {
        var other = Directory.CreateDirectory(Path.Combine(harness.Root, "other")).FullName;

        Assert.Equal(other, RootDirectoryLocator.Find(harness.Root, "other").Value);
    }

    [Fact]
    public void A_missing_root_is_a_usage_error_saying_what_to_do()
    {
        var error = Assert.Throws<UsageException>(() => RootDirectoryLocator.Find(harness.Root, "missing"));

        Assert.Contains("--root missing: directory", error.Message);
        Assert.Contains("does not exist", error.Message);
    }

    [Fact]
    public void Targets_see_the_root_directory_and_its_parameters_file()
    {
        var nested = Directory.CreateDirectory(Path.Combine(harness.Root, "sub")).FullName;
        var output = new StringWriter();

        var exitCode = BuildRunner.Run<SampleBuild>(["Restore"], new RunContext { WorkingDirectory = nested, Output = output });

        Assert.Equal(0, exitCode);
        Assert.Equal(["Restore"], harness.Executed);
    }
}
