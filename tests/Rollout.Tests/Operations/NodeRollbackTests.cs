using Ktrdr.Deploy.Rollout.Deploy;
using Rollout.Tests.Support;

namespace Rollout.Tests.Operations;

public class NodeRollbackTests
{
    [Fact]
    public void SwapBack_swaps_the_deploy_directory_with_its_previous_through_a_temporary_name()
    {
        var script = NodeRollback.SwapBack(Nodes.Node()).Script;

        Assert.StartsWith("set -e; d='/opt/ktrdr-workers-b'; p='/opt/ktrdr-workers-b.previous'; ", script);
        var away = script.IndexOf("mv -- \"$d\" \"$t\"", StringComparison.Ordinal);
        var back = script.IndexOf("mv -- \"$p\" \"$d\"", StringComparison.Ordinal);
        var keep = script.IndexOf("mv -- \"$t\" \"$p\"", StringComparison.Ordinal);
        Assert.True(away >= 0 && back >= 0 && keep >= 0, script);
        Assert.True(away < back && back < keep, script);
    }

    [Fact]
    public void SwapBack_stops_with_6_before_moving_anything_when_there_is_no_previous_bundle()
    {
        var script = NodeRollback.SwapBack(Nodes.Node()).Script;

        var check = script.IndexOf("[ -d \"$p\" ] || {", StringComparison.Ordinal);
        Assert.True(check >= 0, script);
        Assert.Contains("exit 6; }", script[check..]);
        Assert.True(check < script.IndexOf("mv ", StringComparison.Ordinal));
    }

    [Fact]
    public void SwapBack_prints_the_restored_manifest_last()
    {
        var script = NodeRollback.SwapBack(Nodes.Node()).Script;

        Assert.EndsWith("cat -- \"$d/manifest.json\"", script);
        Assert.True(script.LastIndexOf("mv ", StringComparison.Ordinal) < script.IndexOf("cat --", StringComparison.Ordinal));
    }

    [Fact]
    public void SwapBack_ignores_a_trailing_slash_and_quotes_the_directory()
    {
        var node = Nodes.Node() with { DeployDirectory = "/opt/ktrdr it's/" };

        Assert.StartsWith("set -e; d='/opt/ktrdr it'\\''s'; ", NodeRollback.SwapBack(node).Script);
    }

    [Theory]
    [InlineData("root", false)]
    [InlineData("deploy", true)]
    [InlineData("ubuntu", true)]
    public void SwapBack_uses_sudo_only_for_a_non_root_ssh_user(string user, bool sudo) =>
        Assert.Equal(sudo, NodeRollback.SwapBack(Nodes.Node(user: user)).Sudo);
}
