using Ktrdr.Deploy.Rendering.Swarm;

namespace Rendering.Tests.Swarm;

public class PinnedStackTests
{
    private static readonly Dictionary<string, string> Values = new()
    {
        ["DB_USER"] = "ktrdr", ["DB_PASSWORD"] = "pa$$ word", ["JWT_SECRET"] = new string('j', 64), ["ALERT_RECEIVER_SECRET"] = "bearer",
    };

    [Fact]
    public void Pinning_the_rendered_stack_gives_exactly_the_stack_rendered_with_the_versions_known()
    {
        using var tree = new DeployTree();
        var rendered = tree.Stack();

        var pinned = PinnedStack.Pin(rendered.Text, Values);

        var expected = tree.Stack(inputs: new StackInputs(new Dictionary<string, string>(), SwarmNames.Versions(Values)));
        Assert.Equal(expected.Text, pinned.Text);
        Assert.Equal(SwarmNames.Secret("DB_PASSWORD", SwarmNames.Version("pa$$ word")), pinned.Objects.Single(o => o.Value == "DB_PASSWORD").Key);
        Assert.DoesNotContain("pa$$ word", pinned.Text);
        Assert.DoesNotContain("_pending", pinned.Text);
    }

    [Fact]
    public void Pinning_the_images_digests_gives_exactly_the_stack_rendered_with_the_digests_known()
    {
        using var tree = new DeployTree();
        var rendered = tree.Stack();
        var backend = System.Text.RegularExpressions.Regex.Match(rendered.Text, "image: \"([^\"]*/ktrdr-backend:[^\"]*)\"").Groups[1].Value;
        var db = System.Text.RegularExpressions.Regex.Match(rendered.Text, "image: \"([^\"]*/postgres:[^\"]*)\"").Groups[1].Value;
        const string backendDigest = "sha256:1111111111111111111111111111111111111111111111111111111111111111";
        const string dbDigest = "sha256:2222222222222222222222222222222222222222222222222222222222222222";

        var pinned = PinnedStack.Pin(rendered.Text, Values, [$"{backend}@{backendDigest}", $"{db}@{dbDigest}", "elsewhere/unused:1@sha256:33", "grafana/grafana:11.3.0"]);

        var expected = tree.Stack(inputs: new StackInputs(new Dictionary<string, string> { ["ktrdr"] = backendDigest, ["db"] = dbDigest }, SwarmNames.Versions(Values)));
        Assert.Equal(expected.Text, pinned.Text);
        Assert.Contains($"{backend}@{backendDigest}", pinned.Text);
        Assert.NotEqual(PinnedStack.Pin(rendered.Text, Values).Text, pinned.Text);
    }

    [Fact]
    public void The_stack_names_its_secrets_and_services()
    {
        using var tree = new DeployTree();
        var text = tree.Stack().Text;

        Assert.Equal(["ALERT_RECEIVER_SECRET", "DB_PASSWORD", "DB_USER", "JWT_SECRET"], PinnedStack.SecretsOf(text));
        Assert.Equal(tree.Stack().ServiceNames(), PinnedStack.ServicesOf(text));
    }

    [Fact]
    public void A_secret_without_a_value_or_a_stack_already_pinned_is_refused()
    {
        using var tree = new DeployTree();
        var text = tree.Stack().Text;

        var missing = Assert.Throws<ArgumentException>(() => PinnedStack.Pin(text, new Dictionary<string, string> { ["DB_USER"] = "ktrdr" }));
        var again = Assert.Throws<ArgumentException>(() => PinnedStack.Pin(PinnedStack.Pin(text, Values).Text, Values));

        Assert.Contains("no value for it was fetched", missing.Message);
        Assert.Contains("RenderConfigs", again.Message);
    }
}
