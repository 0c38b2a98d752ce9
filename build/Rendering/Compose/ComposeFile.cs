using Ktrdr.Deploy.Topology;

namespace Ktrdr.Deploy.Rendering.Compose;

/// <summary>A compose file as the checks need it: services with the lines they were written on.</summary>
public sealed record ComposeFile(string Path, string FileName, string Text, IReadOnlyList<ComposeService> Services)
{
    public ComposeService? Service(string name) => Services.FirstOrDefault(s => s.Name == name);

    /// <summary>Services that run when the given profiles are active (no profiles = always).</summary>
    public IEnumerable<ComposeService> ActiveServices(IReadOnlyCollection<string> profiles) =>
        Services.Where(s => s.Profiles.Count == 0 || s.Profiles.Any(profiles.Contains));
}

public sealed record ComposeService(
    string Name,
    SourcePosition Position,
    string? Image,
    IReadOnlyList<string> Command,
    IReadOnlyList<PortMapping> Ports,
    IReadOnlyList<EnvironmentEntry> Environment,
    IReadOnlyList<VolumeMount> Volumes,
    IReadOnlyList<string> Profiles,
    string? User,
    IReadOnlyList<string> GroupAdd,
    Healthcheck? Healthcheck = null)
{
    public EnvironmentEntry? Env(string name) => Environment.FirstOrDefault(e => e.Name == name);

    /// <summary>The value following <c>--port</c> in the command, if any.</summary>
    public int? CommandPort()
    {
        for (var i = 0; i < Command.Count - 1; i++)
            if (Command[i] == "--port" && int.TryParse(Command[i + 1], out var p)) return p;
        return null;
    }
}

/// <summary>A service's healthcheck <c>test</c>, joined into one text, with where it is written.</summary>
public sealed record Healthcheck(string Test, SourcePosition Position);

/// <summary>A published port, e.g. "5003:5003" or "127.0.0.1:8000:8000".</summary>
public sealed record PortMapping(string? HostIp, int HostPort, int ContainerPort, SourcePosition Position);

/// <summary>One environment entry; <see cref="Value"/> is null for pass-through by name (<c>- DB_PASSWORD</c>).</summary>
public sealed record EnvironmentEntry(string Name, string? Value, SourcePosition Position);

/// <summary>A volume entry; bind mounts have a path source (starts with . / or ~ or a variable).</summary>
public sealed record VolumeMount(string Source, string Target, SourcePosition Position)
{
    public bool IsRelativeBind => Source.StartsWith("./", StringComparison.Ordinal) || Source.StartsWith("../", StringComparison.Ordinal);
}
