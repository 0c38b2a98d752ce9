using Ktrdr.Deploy.Commands.Swarm;
using Ktrdr.Deploy.Remote;

namespace Commands.Tests.Swarm;

public class StackSpecsTests
{
    [Fact]
    public void The_specs_are_read_for_the_stacks_services_only()
    {
        var read = StackSpecs.Read("ktrdr");

        Assert.StartsWith("ids=$(docker stack services -q 'ktrdr' 2>/dev/null); [ -z \"$ids\" ] || docker service inspect --format ", read.Script);
        Assert.Contains("{{with .Spec.TaskTemplate.Placement}}{{range .Constraints}}{{.}};{{end}}{{end}}", read.Script);
    }

    [Fact]
    public void A_spec_line_gives_image_digest_pinned_node_and_secrets()
    {
        var specs = StackSpecs.Parse(new CommandResult(0,
            "ktrdr_db\t172.26.81.2:5000/ktrdr-postgres:sha-e2e0001@sha256:9f86d081884c7d65\tnode.labels.ktrdr.node == core;\tktrdr_DB_PASSWORD_0123456789ab;ktrdr_DB_USER_ab12cd34ef56;\n" +
            "ktrdr_backend\tregistry/ktrdr-backend:sha-e2e0001\t\t\n", "", TimeSpan.Zero));

        Assert.Equal(2, specs.Count);
        Assert.Equal("core", specs[0].PinnedNode("ktrdr.node"));
        Assert.Equal("sha256:9f86d081884c7d65", specs[0].Digest);
        Assert.Equal(["ktrdr_DB_PASSWORD_0123456789ab", "ktrdr_DB_USER_ab12cd34ef56"], specs[0].Secrets);
        Assert.Null(specs[1].PinnedNode("ktrdr.node"));
        Assert.Equal("", specs[1].Digest);
        Assert.Empty(specs[1].Secrets);
    }
}
