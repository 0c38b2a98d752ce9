using Ktrdr.Deploy.Remote;
using Ktrdr.Deploy.Topology;
using static Ktrdr.Deploy.Remote.Execution.ShellQuote;

namespace Ktrdr.Deploy.Commands.Files;

/// <summary>The node's deploy directory, owned by the SSH user so that uploads as that user can write it.</summary>
public static class DeployDirectoryCommands
{
    /// <summary>
    /// Creates the deploy directory. When <paramref name="writableByUser"/> is false (the pre-flight says so) and the
    /// SSH user is not root, it is created through sudo and handed to the SSH user; otherwise plainly, as the user.
    /// </summary>
    public static RemoteCommand Ensure(NodeSpec node, bool writableByUser)
    {
        var directory = Quote(node.DeployDirectory);
        var elevate = !writableByUser && node.Ssh.User != "root";
        return new RemoteCommand(
            $"mkdir -p -- {directory}" + (elevate ? $" && chown -- {Quote(node.Ssh.User)} {directory}" : ""),
            $"create {node.DeployDirectory} on {node.Name}" + (elevate ? $" for {node.Ssh.User} (sudo)" : ""))
        {
            Sudo = elevate,
        };
    }
}
