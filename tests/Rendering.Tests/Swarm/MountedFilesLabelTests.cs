using Ktrdr.Deploy.Rendering.Bundles;
using Ktrdr.Deploy.Rendering.Swarm;
using Ktrdr.Deploy.Topology;
using YamlDotNet.RepresentationModel;

namespace Rendering.Tests.Swarm;

/// <summary>
/// A Swarm service that bind-mounts bundle files carries their hash as a container label: a changed file changes that
/// service's spec (Swarm replaces its task, which would otherwise go on reading the file it mounted), and no other.
/// </summary>
public class MountedFilesLabelTests
{
    private static YamlMappingNode Services(DeployTree tree)
    {
        var topology = tree.Topology("lab") with { Engine = DeployEngine.Swarm };
        var problems = new List<Diagnostic>();
        var sources = DeploySources.Load(tree.Root, topology, problems);
        var core = BundleRenderer.Render(topology, sources, topology.FindNode("core")!, DeployTree.Tag);
        var yaml = new YamlStream();
        yaml.Load(new StringReader(core.Files.Single(f => f.Path == SwarmStack.FileName).Content));
        return (YamlMappingNode)((YamlMappingNode)yaml.Documents[0].RootNode)["services"];
    }

    private static string? Label(YamlMappingNode services, string service) => services[service].At("labels", SwarmService.MountedFilesLabel);

    [Fact]
    public void A_changed_rule_file_changes_the_label_of_prometheus_only()
    {
        using var before = new DeployTree();
        using var after = new DeployTree();
        after.Replace("shared/prometheus/rules/backend.yml", "for:", "for: 1m #");
        var (old, changed) = (Services(before), Services(after));

        Assert.Matches("^[0-9a-f]{12}$", Label(old, "prometheus"));
        Assert.NotEqual(Label(old, "prometheus"), Label(changed, "prometheus"));
        Assert.Equal(Label(old, "alertmanager"), Label(changed, "alertmanager"));
        Assert.NotNull(Label(old, "alertmanager"));
    }

    [Fact]
    public void A_service_that_binds_no_bundle_file_has_no_label_and_a_render_without_known_files_none_at_all()
    {
        using var tree = new DeployTree();

        Assert.Null(Label(Services(tree), "backend"));
        Assert.DoesNotContain(SwarmService.MountedFilesLabel, tree.Stack().Text);
    }
}
