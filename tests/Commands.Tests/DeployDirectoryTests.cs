using Commands.Tests.Support;
using Ktrdr.Deploy.Commands.Files;
using Ktrdr.Deploy.Remote.Local;

namespace Commands.Tests;

public class DeployDirectoryTests
{
    [Fact]
    public void A_non_root_user_who_cannot_write_there_gets_the_directory_through_sudo()
    {
        var ensure = DeployDirectoryCommands.Ensure(Nodes.Node("gpu", user: "karl", deployDirectory: "/opt/ktrdr-gpu"), writableByUser: false);

        Assert.True(ensure.Sudo);
        Assert.Equal("mkdir -p -- '/opt/ktrdr-gpu' && chown -- 'karl' '/opt/ktrdr-gpu'", ensure.Script);
        Assert.Equal("create /opt/ktrdr-gpu on gpu for karl (sudo)", ensure.Description);
    }

    [Theory]
    [InlineData("karl", true)]
    [InlineData("root", false)]
    public void A_user_who_can_write_there_or_root_creates_it_plainly(string user, bool writable)
    {
        var ensure = DeployDirectoryCommands.Ensure(Nodes.Node("gpu", user: user, deployDirectory: "/opt/ktrdr-gpu"), writable);

        Assert.False(ensure.Sudo);
        Assert.Equal("mkdir -p -- '/opt/ktrdr-gpu'", ensure.Script);
    }

    [Fact]
    public async Task The_directory_is_created_for_real_and_creating_it_again_is_harmless()
    {
        using var tree = new TempTree();
        var node = Nodes.Node(deployDirectory: tree.Path("opt/ktrdr workers"));
        await using var executor = new LocalExecutor();

        var first = await executor.RunAsync(DeployDirectoryCommands.Ensure(node, writableByUser: true), default);
        var second = await executor.RunAsync(DeployDirectoryCommands.Ensure(node, writableByUser: true), default);

        Assert.True(first.Succeeded && second.Succeeded, first.StandardError + second.StandardError);
        Assert.True(Directory.Exists(node.DeployDirectory));
    }
}
