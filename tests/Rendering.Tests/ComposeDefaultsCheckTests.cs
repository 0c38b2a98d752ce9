using Ktrdr.Deploy.Rendering;
using Ktrdr.Deploy.Rendering.Checks;
using Ktrdr.Deploy.Rendering.Tools;

namespace Rendering.Tests;

/// <summary>Identity and version never come from a compose default.</summary>
public class ComposeDefaultsCheckTests
{
    private const string Workers = "environments/homelab/docker-compose.workers.yml";
    private const string Core = "environments/homelab/docker-compose.core.yml";
    private const string Check = "identity and version defaults";

    private static Ktrdr.Deploy.Topology.Diagnostic SingleError(DeployTree tree) =>
        Assert.Single(RenderPipeline.Run(tree.Topology(), tree.Root, DeployTree.Tag, new ProcessToolRunner(), [new ComposeDefaultsCheck()])
            .Checks.Single(c => c.Check == Check).Diagnostics);

    [Fact]
    public void A_default_naming_one_node_is_an_error_naming_that_node()
    {
        using var tree = new DeployTree().Replace(Workers, "  KTRDR_DB_PORT:", "  WORKER_HOST: ${WORKER_HOSTNAME:-workers-b.ktrdr.home.mynerd.place}\n  KTRDR_DB_PORT:");
        var d = SingleError(tree);
        Assert.EndsWith(Workers, d.File);
        Assert.Equal(tree.LineOf(Workers, "WORKER_HOSTNAME"), d.Line);
        Assert.Equal("WORKER_HOSTNAME", d.Field);
        Assert.Contains("names node workers-b: every node missing WORKER_HOSTNAME would claim to be workers-b", d.Message);
    }

    [Fact]
    public void A_default_with_a_host_of_the_domain_is_an_error()
    {
        using var tree = new DeployTree().Replace(Workers, "  KTRDR_DB_PORT:", "  X: ${PEER:-workers-z.ktrdr.home.mynerd.place}\n  KTRDR_DB_PORT:");
        Assert.Contains("(a host of ktrdr.home.mynerd.place)", SingleError(tree).Message);
    }

    [Theory]
    [InlineData("${IMAGE_TAG:-latest}", "IMAGE_TAG", "\"latest\"")]
    [InlineData("ghcr.io/kpiteira/ktrdr-backend:${IMAGE_TAG:-latest}", "IMAGE_TAG", "\"latest\"")]
    [InlineData("${KTRDR_IMAGE:-ghcr.io/kpiteira/ktrdr-backend}", "KTRDR_IMAGE", "\"latest\"")]
    [InlineData("${KTRDR_IMAGE:-timescale/timescaledb:latest-pg16}", "KTRDR_IMAGE", "\"latest-pg16\"")]
    public void A_default_that_floats_the_version_is_an_error_naming_the_tag(string image, string variable, string tag)
    {
        using var tree = new DeployTree().Replace(Core, "${KTRDR_IMAGE:?KTRDR_IMAGE is set by the deploy tool}", image);
        var d = SingleError(tree);
        Assert.Equal(variable, d.Field);
        Assert.Equal(tree.LineOf(Core, image), d.Line);
        Assert.Contains($"floats the version (tag {tag})", d.Message);
    }

    [Theory]
    [InlineData("IMAGE_TAG", "sha-1a2b3c4")]
    [InlineData("DB_IMAGE", "timescale/timescaledb:2.17.2-pg16")]
    [InlineData("DATA_PATH", "/mnt/latest")]
    public void An_exact_version_or_a_plain_value_is_no_problem(string name, string value) =>
        Assert.Null(ComposeDefaultsCheck.FloatingTag(name, value));
}
