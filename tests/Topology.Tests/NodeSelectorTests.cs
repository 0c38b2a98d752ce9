using Ktrdr.Deploy.Topology.Tests.Support;

namespace Ktrdr.Deploy.Topology.Tests;

/// <summary>--target-node: names, 'all', and the values that must be errors instead of "nothing to do".</summary>
public sealed class NodeSelectorTests : IDisposable
{
    private readonly TopologyWorkspace workspace = new();
    private readonly EnvironmentTopology env;

    public NodeSelectorTests() => env = workspace.Load(ValidTopology.Yaml);

    public void Dispose() => workspace.Dispose();

    private static Diagnostic Rejected(Func<object> select)
    {
        var problem = Assert.Single(Assert.Throws<InvalidInputException>(select).Diagnostics);
        Assert.Equal("--target-node", problem.File);
        Assert.False(string.IsNullOrWhiteSpace(problem.Hint));
        return problem;
    }

    [Fact]
    public void A_deploy_target_given_a_node_of_another_role_names_the_role_and_the_target_that_deploys_it()
    {
        var problem = Rejected(() => NodeSelector.ForDeploy(env, ["core"], NodeRole.Workers, ["RenderConfigs", "DeployWorkers"]));

        Assert.Equal("node \"core\" has role core, which DeployWorkers does not deploy", problem.Message);
        Assert.Contains("DeployCore deploys core nodes: run ./build.sh DeployCore --target-node core", problem.Hint);
        Assert.Contains("DeployWorkers deploys: workers-b", problem.Hint);
    }

    [Fact]
    public void A_gpu_node_given_to_DeployCore_names_DeployGpu()
    {
        var problem = Rejected(() => NodeSelector.ForDeploy(env, ["GPU"], NodeRole.Core, ["DeployCore"]));

        Assert.Contains("role gpu, which DeployCore does not deploy", problem.Message);
        Assert.Contains("run ./build.sh DeployGpu --target-node gpu", problem.Hint);
    }

    [Fact]
    public void A_node_another_planned_target_deploys_is_simply_not_this_targets()
    {
        var planned = new[] { "DeployCore", "DeployWorkers", "DeployGpu" };

        Assert.Empty(NodeSelector.ForDeploy(env, ["workers-b"], NodeRole.Core, planned));
        Assert.Equal(["workers-b"], NodeSelector.ForDeploy(env, ["workers-b"], NodeRole.Workers, planned).Select(n => n.Name));
    }

    [Fact]
    public void Patch_deploys_every_role()
    {
        Assert.Equal(["core"], NodeSelector.ForDeploy(env, ["core", "gpu"], NodeRole.Core, ["Patch"]).Select(n => n.Name));
        Assert.Equal(["gpu"], NodeSelector.ForDeploy(env, ["core", "gpu"], NodeRole.Gpu, ["Patch"]).Select(n => n.Name));
    }

    [Theory]
    [InlineData("")]
    [InlineData(" , ")]
    public void A_value_that_names_no_node_is_an_error_not_every_node(string value)
    {
        var deploy = Rejected(() => NodeSelector.ForDeploy(env, [value], NodeRole.Workers, ["DeployWorkers"]));
        var select = Rejected(() => NodeSelector.Select(env, [value]));

        Assert.Contains("which names no node", deploy.Message);
        Assert.Contains("core, workers-b, gpu, all", select.Hint);
    }

    [Fact]
    public void An_unknown_node_suggests_the_closest_name()
    {
        var problem = Rejected(() => NodeSelector.ForDeploy(env, ["workers-c"], NodeRole.Workers, ["DeployWorkers"]));

        Assert.Equal("environment staging has no node \"workers-c\"", problem.Message);
        Assert.Contains("did you mean \"workers-b\"?", problem.Hint);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void No_name_or_all_selects_every_node_of_the_role(bool all)
    {
        string[] names = all ? ["all"] : [];
        Assert.Equal(["workers-b"], NodeSelector.ForDeploy(env, names, NodeRole.Workers, ["DeployWorkers"]).Select(n => n.Name));
        Assert.Equal(3, NodeSelector.Select(env, names).Count);
    }
}
