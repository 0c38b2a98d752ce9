using Ktrdr.Deploy.Commands.Compose;
using Ktrdr.Deploy.Commands.Drift;
using Ktrdr.Deploy.Rollout.Drift;

namespace Rollout.Tests.Drift;

/// <summary>A small workers bundle and the node facts of a node that runs it exactly; each test changes one thing.</summary>
internal static class DriftFacts
{
    public const string Compose = "services:\n  worker-1:\n    image: ${KTRDR_IMAGE}\n    environment:\n      KTRDR_LOG_LEVEL: INFO\n";
    public const string Env = "KTRDR_IMAGE=registry.lab:5000/ktrdr:sha-1\nKTRDR_WORKER_PORT=5003\n";
    public const string Image = "registry.lab:5000/ktrdr:sha-1";
    public const string Digest = "sha256:" + "ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12";
    public const string Manifest = "{\"environment\":\"lab\",\"node\":\"workers-b\",\"bundleHash\":\"b1\"}";

    public static readonly IReadOnlyDictionary<string, string> Texts = new Dictionary<string, string>
    {
        ["docker-compose.workers.yml"] = Compose, [".env"] = Env, ["manifest.json"] = Manifest,
    };

    public static BundleFacts Bundle(IReadOnlyList<string>? services = null) => new(
        "lab", "workers-b", "b1",
        Texts.ToDictionary(t => t.Key, t => Sha(t.Value)),
        services ?? ["worker-1"],
        new Dictionary<string, string> { ["worker-1"] = $"{Image}@{Digest}" },
        ["DB_PASSWORD"])
    {
        Text = path => Texts.GetValueOrDefault(path),
        ComposeInputs = ["docker-compose.workers.yml", ".env"],
    };

    public static NodeFacts Node(
        IReadOnlyDictionary<string, string>? files = null,
        IReadOnlyDictionary<string, string>? changed = null,
        IReadOnlyList<RunningContainer>? containers = null,
        string? stamp = "{\"bundleHash\":\"b1\",\"images\":{},\"services\":[\"worker-1\"]}",
        string? manifest = Manifest,
        IReadOnlyDictionary<string, string>? hashes = null,
        bool exists = true) => new(
            exists,
            files ?? Texts.ToDictionary(t => t.Key, t => Sha(t.Value)).Append(new(NodeFactsCommand.StampFile, Sha("stamp"))).ToDictionary(),
            changed ?? new Dictionary<string, string>(),
            stamp,
            manifest,
            hashes ?? new Dictionary<string, string> { ["worker-1"] = "c0ffee" },
            containers ?? [Container()]);

    public static RunningContainer Container(
        string service = "worker-1", string state = "running", ContainerHealth health = ContainerHealth.Healthy, string image = Image,
        string configHash = "c0ffee", string digest = Digest) => new(
            new ContainerStatus(service, "id-" + service, $"ktrdr_{service}_1", state, health, state == "exited" ? 137 : 0, image,
                DateTimeOffset.Parse("2026-12-01T00:00:00Z"), configHash),
            "sha256:imageid",
            [$"registry.lab:5000/ktrdr@{digest}"]);

    public static string Sha(string text) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)));

    /// <summary>The node's files with <paramref name="path"/> holding <paramref name="text"/> instead (null: removed).</summary>
    public static Dictionary<string, string> FilesWith(string path, string? text)
    {
        var files = Node().Files.ToDictionary();
        if (text is null) files.Remove(path);
        else files[path] = Sha(text);
        return files;
    }
}
