using Ktrdr.Deploy.Topology;

namespace Ktrdr.Deploy.Secrets.Tests.Support;

/// <summary>A minimal environment whose only interesting part is its secrets map.</summary>
public static class Topologies
{
    public const string SourceFile = "/repo/deploy/environments/test/topology.yml";

    public static EnvironmentTopology WithSecrets(params (string Name, string Reference)[] secrets) => new()
    {
        Name = "test",
        SourceFile = SourceFile,
        Directory = "/repo/deploy/environments/test",
        Domain = "test.local",
        ApiEnvironment = ApiEnvironment.Development,
        Registry = new RegistrySpec { Url = "127.0.0.1:5000/ktrdr", PullUrl = "127.0.0.1:5000/ktrdr" },
        Images = new Dictionary<string, ImageSpec>(),
        Secrets = secrets.ToDictionary(s => s.Name, s => Parse(s.Name, s.Reference)),
        Storage = new SharedStorage { Path = "/mnt/ktrdr", Uid = 1000, Gid = 1000, DirectoryMode = Convert.ToInt32("2775", 8), FileMode = Convert.ToInt32("664", 8), Subdirectories = [] },
        Env = new Dictionary<string, string>(),
        Nodes = [],
        SourceMap = new SourceMap(),
    };

    /// <summary>The reference as topology.yml writes it: op://..., env:NAME or file:path.</summary>
    public static SecretReference Parse(string name, string text) =>
        text.StartsWith("env:", StringComparison.Ordinal) ? new(name, SecretProvider.Environment, text[4..])
        : text.StartsWith("file:", StringComparison.Ordinal) ? new(name, SecretProvider.File, text[5..])
        : new(name, SecretProvider.OnePassword, text);
}
