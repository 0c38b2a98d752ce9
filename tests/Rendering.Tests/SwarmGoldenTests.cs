using Ktrdr.Deploy.Rendering.Swarm;

namespace Rendering.Tests;

/// <summary>
/// The lab rendered as one Swarm stack (engine switched to swarm, "lab-swarm"), compared with the reviewed copy under
/// Golden/lab-swarm/. After an intended change: UPDATE_GOLDEN=1 dotnet test tests/Rendering.Tests, then review the diff.
/// </summary>
public class SwarmGoldenTests
{
    [Fact]
    public void The_lab_renders_as_a_swarm_stack_without_problems()
    {
        using var tree = new DeployTree();
        tree.RenderSwarm("lab").AssertClean();
    }

    [Fact]
    public void The_stack_file_and_bundles_match_the_golden_copies()
    {
        using var tree = new DeployTree();
        var update = Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1";
        foreach (var bundle in tree.RenderSwarm("lab").Bundles)
        {
            var files = bundle.Files.Where(f => f.Path == SwarmStack.FileName).Select(f => (f.Path, f.Content))
                .Append(("files.txt", string.Join("\n", bundle.Files.Select(f => f.Path).Order(StringComparer.Ordinal)) + "\n"));
            foreach (var (path, content) in files)
            {
                var relative = Path.Combine("Golden", "lab-swarm", bundle.Node.Name, path);
                if (update)
                {
                    var source = Path.Combine(DeployTree.RepoRoot, "tests", "Rendering.Tests", relative);
                    Directory.CreateDirectory(Path.GetDirectoryName(source)!);
                    File.WriteAllText(source, content);
                    continue;
                }
                var golden = Path.Combine(AppContext.BaseDirectory, relative);
                Assert.True(File.Exists(golden), $"no golden copy {relative}: run UPDATE_GOLDEN=1 dotnet test tests/Rendering.Tests and review it");
                Assert.Equal(File.ReadAllText(golden), content);
            }
        }
    }
}
