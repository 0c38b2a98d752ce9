namespace Ktrdr.Deploy.GitHub.Tests;

/// <summary>What a deploy asks GitHub to record, decided before any request.</summary>
public sealed class DeploymentRequestsTests
{
    [Theory]
    [InlineData("homelab", true)]
    [InlineData("lab", false)]
    [InlineData("Local", false)]
    [InlineData("staging", true)]
    public void Every_environment_but_lab_and_local_is_production(string environment, bool production) =>
        Assert.Equal(production, DeploymentRequests.IsProduction(environment));

    [Fact]
    public void The_deployment_carries_the_nodes_and_the_tag_and_blocks_on_nothing()
    {
        var deployment = DeploymentRequests.Deployment("acb5820ced9479c074f688cc328bf03f341a511d", "homelab", "DeployWorkers",
            ["workers-a", "workers-b"], "sha-acb5820");

        Assert.Equal("acb5820ced9479c074f688cc328bf03f341a511d", deployment.Ref);
        Assert.False(deployment.AutoMerge);
        Assert.Empty(deployment.RequiredContexts);
        Assert.Equal("workers-a,workers-b", deployment.Payload["nodes"]);
        Assert.Equal("sha-acb5820", deployment.Payload["tag"]);
        Assert.Equal((false, true), (deployment.TransientEnvironment, deployment.ProductionEnvironment));
    }

    [Fact]
    public void A_status_description_is_cut_to_githubs_140_characters()
    {
        var cut = DeploymentRequests.StatusDescription(new string('x', 200));

        Assert.Equal(140, cut.Length);
        Assert.EndsWith("…", cut);
        Assert.Equal("short", DeploymentRequests.StatusDescription("short"));
    }

    [Fact]
    public void A_finished_status_is_success_or_failure_with_the_environment_and_the_log()
    {
        var success = DeploymentRequests.Finished(true, "ok", "http://core:8000", "https://run");
        var failure = DeploymentRequests.Finished(false, "failed", null, null);

        Assert.Equal((Octokit.DeploymentState.Success, "http://core:8000", "https://run"), (success.State, success.EnvironmentUrl, success.LogUrl));
        Assert.Equal(Octokit.DeploymentState.Failure, failure.State);
    }
}
