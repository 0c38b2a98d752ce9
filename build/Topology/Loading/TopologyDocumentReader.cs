using Ktrdr.Deploy.Topology.Reading;
using Ktrdr.Deploy.Topology.Yaml;

namespace Ktrdr.Deploy.Topology.Loading;

/// <summary>
/// Maps a parsed topology.yml onto <see cref="EnvironmentTopology"/>, field by field, through
/// <see cref="YamlMappingReader"/>. Field-level problems are recorded; cross-field rules live in Checks/.
/// </summary>
internal static class TopologyDocumentReader
{
    public static EnvironmentTopology? Read(YamlNode root, string topologyFile, ReadContext context) =>
        YamlMappingReader.ReadRoot(root, context, r => ReadEnvironment(r, topologyFile, context.SourceMap));

    private static EnvironmentTopology ReadEnvironment(YamlMappingReader r, string file, SourceMap sourceMap)
    {
        var name = r.Required("name", ValueRules.DnsLabel);
        var domain = r.Required("domain", ValueRules.HostName).ToLowerInvariant();
        var apiEnvironment = r.Required("api_environment", EnumRule<ApiEnvironment>.Instance);
        var engine = r.Enum("engine", DeployEngine.Compose);
        var registry = r.Mapping("registry", ReadRegistry, required: true);
        var images = r.Entries("images", ValueRules.DnsLabel, ReadImage);
        var secrets = r.Map("secrets", ValueRules.UpperSnake, SecretReferenceRule.Instance);
        var storage = r.Mapping("storage", ReadStorage, required: true);
        var env = r.Map("env", ValueRules.UpperSnake, ValueRules.EnvValue);
        var defaults = r.Mapping("defaults", NodeDefaults.Read) ?? NodeDefaults.BuiltIn;
        var alerting = r.Mapping("alerting", ReadAlerting);
        var nodes = r.Entries("nodes", ValueRules.DnsLabel, (nodeName, n) => NodeReader.Read(nodeName, n, defaults), required: true);

        return new EnvironmentTopology
        {
            Name = name,
            SourceFile = file,
            Directory = Path.GetDirectoryName(file)!,
            Domain = domain,
            ApiEnvironment = apiEnvironment,
            Registry = registry ?? new RegistrySpec { Url = "", PullUrl = "" },
            Images = images.ToDictionary(i => i.Key, StringComparer.Ordinal),
            Secrets = secrets.ToDictionary(s => s.Key, s => new SecretReference(s.Key, s.Value.Provider, s.Value.Locator), StringComparer.Ordinal),
            Storage = storage ?? new SharedStorage { Path = "", Uid = 0, Gid = 0, DirectoryMode = 0, FileMode = 0, Subdirectories = [] },
            Env = env,
            Nodes = nodes,
            SourceMap = sourceMap,
            Alerting = alerting,
            Engine = engine,
        };
    }

    private static RegistrySpec ReadRegistry(YamlMappingReader r)
    {
        var url = r.Required("url", ValueRules.RegistryUrl);
        return new RegistrySpec
        {
            Url = url,
            PullUrl = r.OptionalText("pull_url", ValueRules.RegistryUrl) ?? url,
            Username = r.OptionalText("username", ValueRules.Text),
            TokenSecret = r.OptionalText("token_secret", ValueRules.UpperSnake),
        };
    }

    private static ImageSpec ReadImage(string key, YamlMappingReader r) => new()
    {
        Key = key,
        Repository = r.Required("repository", ValueRules.Repository),
        Tag = r.OptionalText("tag", ValueRules.ImageTag),
        Build = r.Optional("build", ValueRules.Boolean, false),
        Dockerfile = r.OptionalText("dockerfile", ValueRules.RelativePath),
        EnvVariable = r.Required("env", ValueRules.UpperSnake),
    };

    private static AlertingSpec ReadAlerting(YamlMappingReader r)
    {
        var receiver = r.Mapping("receiver", ReadReceiver, required: true);
        return new AlertingSpec
        {
            ReceiverType = receiver?.ReceiverType ?? AlertReceiverType.Webhook,
            ReceiverUrl = receiver?.ReceiverUrl,
            ReceiverSecret = receiver?.ReceiverSecret ?? "",
            GroupWait = r.Optional("group_wait", ValueRules.Duration, TimeSpan.FromSeconds(30)),
            GroupInterval = r.Optional("group_interval", ValueRules.Duration, TimeSpan.FromMinutes(5)),
            RepeatInterval = r.Optional("repeat_interval", ValueRules.Duration, TimeSpan.FromHours(4)),
            MaxFor = r.Has("max_for") ? r.Optional("max_for", ValueRules.Duration, TimeSpan.Zero) : null,
        };
    }

    private static AlertingSpec ReadReceiver(YamlMappingReader r) => new()
    {
        ReceiverType = r.Required("type", EnumRule<AlertReceiverType>.Instance),
        ReceiverUrl = r.OptionalText("url", ValueRules.HttpUrl),
        ReceiverSecret = r.Required("secret", ValueRules.UpperSnake),
        GroupWait = TimeSpan.Zero, GroupInterval = TimeSpan.Zero, RepeatInterval = TimeSpan.Zero,
    };

    private static SharedStorage ReadStorage(YamlMappingReader r) => new()
    {
        Path = r.Required("path", ValueRules.AbsolutePath),
        Uid = r.Required("uid", ValueRules.WholeNumber(0, 65535)),
        Gid = r.Required("gid", ValueRules.WholeNumber(0, 65535)),
        DirectoryMode = r.Required("dir_mode", ValueRules.OctalMode),
        FileMode = r.Required("file_mode", ValueRules.OctalMode),
        Subdirectories = r.List("subdirs", ValueRules.RelativePath),
    };
}
