using Ktrdr.Deploy.Commands.Compose;
using Ktrdr.Deploy.Commands.Docker;
using Ktrdr.Deploy.Remote;
using Ktrdr.Deploy.Topology;

namespace Ktrdr.Deploy.Rollout.Deploy;

/// <summary>The registry login nodes pull with (the token only ever on standard input).</summary>
public sealed record RegistryPull(string Host, string User, string Token);

/// <summary>One step of a node's deploy, as data: what <c>--dry-run</c> prints and what NodeDeployer runs.</summary>
public sealed record DeployStep(string Name, string Detail, RemoteCommand? Command = null);

/// <summary>The commands of a node's deploy, built in pure code. Secrets ride in each command's SecretEnvironment, never in its script.</summary>
public static class DeploySteps
{
    /// <param name="services">Only these (null: every service).</param>
    public static RemoteCommand Pull(ComposeProject project, IReadOnlyDictionary<string, string> secrets, RegistryPull? login, IReadOnlyList<string>? services = null)
    {
        var pull = ComposeCommands.WithSecrets(ComposeCommands.Pull(project, services), secrets);
        return login is null ? pull : DockerCommands.WithTemporaryLogin(pull, login.Host, login.User, login.Token);
    }

    public static RemoteCommand Up(ComposeProject project, IReadOnlyDictionary<string, string> secrets) =>
        ComposeCommands.WithSecrets(ComposeCommands.Up(project), secrets);

    /// <summary>Every step in order, for a node whose stamp says it needs deploying.</summary>
    public static IReadOnlyList<DeployStep> All(NodeSpec node, NodeBundle bundle, ComposeProject project,
        IReadOnlyDictionary<string, string> secrets, RegistryPull? login) =>
    [
        new("pre-flight", "ssh, docker reachable, compose detected, free disk, deploy directory writable"),
        new("state", $"read {node.DeployDirectory}/{DeployStamp.FileName} and the containers of project {ComposeProject.Name}", ComposeCommands.Ps()),
        new("upload", $"{bundle.Directory} → {node.DeployDirectory} (staged, then swapped in; the old one kept as .previous)"),
        new("pull", $"secrets from the environment: {(secrets.Count == 0 ? "none" : string.Join(", ", secrets.Keys.Order(StringComparer.Ordinal)))}" +
                    (login is null ? "" : $"; logged in to {login.Host} as {login.User} through a throw-away DOCKER_CONFIG"), Pull(project, secrets, login)),
        new("up", "recreate what changed, remove orphans", Up(project, secrets)),
        new("health", "until every container runs and passes its health check"),
        new("stamp", $"write {node.DeployDirectory}/{DeployStamp.FileName} (bundle hash, image digests, services)"),
    ];
}
