namespace Ktrdr.Deploy.Commands.Compose;

/// <summary>
/// Which compose a node has. <see cref="ComposeFlavor.V2"/> is the <c>docker compose</c> plugin;
/// <see cref="ComposeFlavor.V1"/> is the standalone <c>docker-compose</c> program (1.29 on Debian 12).
/// </summary>
public enum ComposeFlavor { None, V1, V2 }

/// <summary>The compose a node answered with, and the version it printed (null when none works).</summary>
public sealed record DetectedCompose(ComposeFlavor Flavor, string? Version)
{
    public static readonly DetectedCompose Nothing = new(ComposeFlavor.None, null);

    public override string ToString() => Flavor switch
    {
        ComposeFlavor.V2 => $"docker compose {Version}",
        ComposeFlavor.V1 => $"docker-compose {Version}",
        _ => "no compose",
    };
}
