using System.Text.Json;
using System.Text.Json.Serialization;
using Ktrdr.Deploy.Lab.Planning;

namespace Ktrdr.Deploy.Lab.State;

/// <summary>
/// What LabUp made, saved as <c>.artifacts/lab/lab.json</c>: the lab's id, subnet, node addresses, registry port,
/// the Docker daemon that runs it. Other targets read it with <see cref="Load"/> to reach the lab.
/// </summary>
public sealed record LabState
{
    public required string Id { get; init; }
    public required string Subnet { get; init; }
    /// <summary>Node name (core, workers-b, ...) → its lab address.</summary>
    public required IReadOnlyDictionary<string, string> Nodes { get; init; }
    public required int RegistryHostPort { get; init; }
    public required string RegistryIp { get; init; }
    public required string DnsIp { get; init; }
    /// <summary>DOCKER_HOST for every docker call on the lab (the lab's own daemon), or null for the default daemon.</summary>
    public string? DockerHost { get; init; }
    /// <summary>True when the lab runs on the machine-wide lab daemon that a LabUp started (LabDown stops it when no lab is left).</summary>
    public required bool DaemonStartedByLab { get; init; }
    public required IReadOnlyList<string> Containers { get; init; }
    public required IReadOnlyList<string> Networks { get; init; }
    public required IReadOnlyList<string> Volumes { get; init; }
    /// <summary>
    /// Container → when it started (docker's State.StartedAt), as the last full LabUp found it with its sshd and dockerd answering
    /// and its host key read: the same start time later means nothing about it needs checking through <c>docker exec</c> again.
    /// </summary>
    public IReadOnlyDictionary<string, string>? Started { get; init; }

    /// <summary>Where this machine pushes images: <c>127.0.0.1:&lt;port&gt;</c>.</summary>
    [JsonIgnore] public string RegistryPushHost => $"127.0.0.1:{RegistryHostPort}";

    /// <summary>Environment for a docker process acting on the lab (DOCKER_HOST when the lab has its own daemon).</summary>
    [JsonIgnore]
    public IReadOnlyDictionary<string, string?> DockerEnvironment =>
        DockerHost is null ? new Dictionary<string, string?>() : new Dictionary<string, string?> { ["DOCKER_HOST"] = DockerHost };

    internal static LabState From(LabPlan plan, string? dockerHost, bool daemonStartedByLab, IReadOnlyDictionary<string, string>? started = null) => new()
    {
        Started = started,
        Id = plan.Id,
        Subnet = plan.Subnet.ToString(),
        Nodes = plan.Nodes.ToDictionary(n => n.Name, n => n.Ip),
        RegistryHostPort = plan.RegistryPort,
        RegistryIp = plan.RegistryIp,
        DnsIp = plan.DnsIp,
        DockerHost = dockerHost,
        DaemonStartedByLab = daemonStartedByLab,
        Containers = [.. plan.Containers],
        Networks = [plan.Network],
        Volumes = [.. plan.Volumes],
    };

    /// <summary>The state of the lab in this checkout (<c>&lt;root&gt;/.artifacts/lab/lab.json</c>), or null when no lab is up.</summary>
    public static LabState? TryLoad(string root)
    {
        var file = LabPaths.For(root).StateFile;
        if (!File.Exists(file)) return null;
        try
        {
            return JsonSerializer.Deserialize<LabState>(File.ReadAllText(file), Json)
                   ?? throw new LabException($"{file}: expected the lab's state, found null. Run ./build.sh LabDown, then LabUp.");
        }
        catch (JsonException e)
        {
            throw new LabException($"{file}: line {e.LineNumber + 1}: the lab's state cannot be read ({e.Message}). Run ./build.sh LabDown, then LabUp.", e);
        }
    }

    /// <summary>The state of the lab in this checkout; a clear error when no lab is up.</summary>
    public static LabState Load(string root) =>
        TryLoad(root) ?? throw new LabException($"no lab is up for this checkout ({LabPaths.For(root).StateFile} does not exist). Run ./build.sh LabUp first.");

    /// <summary>Writes lab.json (atomically); false when it already held exactly this state.</summary>
    public bool Save(string root)
    {
        var file = LabPaths.For(root).StateFile;
        var text = JsonSerializer.Serialize(this, Json) + "\n";
        if (File.Exists(file) && File.ReadAllText(file) == text) return false;
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        var temporary = file + ".tmp";
        File.WriteAllText(temporary, text);
        File.Move(temporary, file, overwrite: true);
        return true;
    }

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
