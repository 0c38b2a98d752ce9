using System.Diagnostics;
using Commands.Tests.Support;
using Ktrdr.Deploy.Commands.Compose;
using Ktrdr.Deploy.Commands.Preflight;
using Ktrdr.Deploy.Remote.Local;

namespace Commands.Tests;

/// <summary>The probe scripts run for real on this machine through the Remote layer's local executor.</summary>
public class PreflightRealTests
{
    private readonly LocalExecutor _executor = new();

    [Fact]
    public async Task The_check_sees_the_deploy_directory_and_the_free_disk_of_its_file_system()
    {
        using var tree = new TempTree();
        var node = Nodes.Node(deployDirectory: tree.Path("opt/ktrdr-workers-b"));

        var before = PreflightCommands.ParsePreflight(await _executor.RunAsync(PreflightCommands.Check(node), default), node);
        tree.Directory("opt/ktrdr-workers-b");
        var after = PreflightCommands.ParsePreflight(await _executor.RunAsync(PreflightCommands.Check(node), default), node);

        Assert.False(before.DeployDirectoryExists);
        Assert.True(after.DeployDirectoryExists);
        Assert.Equal(Environment.UserName, after.User);
        var free = new DriveInfo(tree.Root).AvailableFreeSpace / (1024.0 * 1024 * 1024);
        Assert.InRange(after.FreeDiskGb, free - 1, free + 1);
    }

    [Fact]
    public async Task Detection_agrees_with_asking_each_compose_directly()
    {
        var detected = ComposeCommands.ParseDetection(await _executor.RunAsync(ComposeCommands.Detect(), default));

        var v2 = Version("docker", "compose version --short");
        var v1 = Version("docker-compose", "version --short");
        var expected = v2 is not null ? new DetectedCompose(ComposeFlavor.V2, v2.TrimStart('v'))
            : v1 is not null ? new DetectedCompose(ComposeFlavor.V1, v1)
            : DetectedCompose.Nothing;
        Assert.Equal(expected, detected);
    }

    private static string? Version(string program, string arguments)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(program, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })!;
            var output = process.StandardOutput.ReadToEnd().Trim();
            process.WaitForExit();
            return process.ExitCode == 0 ? output : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null; // not installed
        }
    }
}
