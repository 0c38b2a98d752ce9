using BuildEngine;
using Ktrdr.Deploy.Rollout.Deploy;
using Ktrdr.Deploy.Secrets;
using Ktrdr.Deploy.Topology;

namespace Ktrdr.Deploy.Rollout.Orchestration;

/// <summary>A node's deploy request: the bundle, the stamp it should end with, its secrets and login, and how it is replaced.</summary>
public static class DeployRequests
{
    public static NodeDeployRequest For(NodeSpec node, NodeRole role, NodeBundle bundle, IReadOnlyDictionary<string, string> images, SecretSet secrets,
        RegistryPull? login, string tag, DeployOptions options) =>
        new(node, bundle, new DeployStamp(bundle.Hash, images, bundle.Services) { Tag = tag }, secrets.For(bundle.SecretNames), login,
            options.HealthTimeout, options.Force)
        {
            // core is replaced all at once: its database must not wait on a drain
            Rolling = role == NodeRole.Core ? null : new RollingOptions(options.BatchSize, options.DrainTimeout, options.Force, options.HealthTimeout),
        };

    /// <summary>A node's request for --dry-run: secrets and the registry token as placeholders, images by reference.</summary>
    public static NodeDeployRequest ForDryRun(EnvironmentTopology env, NodeSpec node, NodeBundle bundle, DeployOptions options)
    {
        var login = env.Registry is { Username: { } user, TokenSecret: not null } ? new RegistryPull(env.Registry.PullHost, user, SecretMasker.Placeholder) : null;
        return new NodeDeployRequest(node, bundle, new DeployStamp(bundle.Hash, bundle.EnvImages, []),
            bundle.SecretNames.ToDictionary(name => name, _ => SecretMasker.Placeholder), login, options.HealthTimeout, options.Force);
    }
}
