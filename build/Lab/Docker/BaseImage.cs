using CliWrap;
using CliWrap.Buffered;
using Ktrdr.Deploy.Lab.Apt;
using Serilog;
using Ktrdr.Deploy.DockerClient;

namespace Ktrdr.Deploy.Lab.Docker;

/// <summary>
/// The Debian bookworm base every lab image starts FROM (Docker Hub is unreachable): debootstrap's minbase from the
/// host's mirror, with the host's apt sources and proxy baked in so apt works in every image built on it. Built once.
/// </summary>
public static class BaseImage
{
    public const string Reference = "ktrdr-lab/debian:bookworm";

    /// <summary>The base image's id, and whether it was built now.</summary>
    internal static async Task<(string Id, bool Built)> EnsureAsync(DockerCli docker, AptSettings apt, CancellationToken ct)
    {
        if (await LabImages.IdAsync(docker, Reference, ct) is { } existing) return (existing, false);
        var rootfs = Path.Combine("/var/tmp", $"ktrdr-lab-rootfs-{Guid.NewGuid():N}"[..30]);
        try
        {
            await DebootstrapAsync(rootfs, apt, ct);
            Configure(rootfs, apt);
            Log.Information("  importing {Rootfs} as {Image}", rootfs, Reference);
            await docker.PipeAsync(Cli.Wrap("tar").WithArguments(["-C", rootfs, "-c", "."]),
                ["import", "--change", "CMD [\"/bin/bash\"]", "-", Reference], ct);
        }
        finally
        {
            await Cli.Wrap("rm").WithArguments(["-rf", "--one-file-system", rootfs]).WithValidation(CommandResultValidation.None).ExecuteAsync(CancellationToken.None);
        }
        return (await LabImages.IdAsync(docker, Reference, ct) ?? throw new LabException($"docker import did not create {Reference}"), true);
    }

    private static async Task DebootstrapAsync(string rootfs, AptSettings apt, CancellationToken ct)
    {
        Log.Information("  debootstrap --variant=minbase {Suite} from {Mirror}{Proxy} (about half a minute)", AptSettings.Suite, apt.Mirror,
            apt.HttpProxy is null ? "" : " through the host's apt proxy");
        var environment = new Dictionary<string, string?>();
        if (apt.HttpProxy is { } proxy) environment["http_proxy"] = proxy;
        var result = await Cli.Wrap("debootstrap").WithArguments(["--variant=minbase", AptSettings.Suite, rootfs, apt.Mirror])
            .WithEnvironmentVariables(environment).WithValidation(CommandResultValidation.None).ExecuteBufferedAsync(ct);
        if (result.ExitCode != 0)
            throw new LabException($"debootstrap --variant=minbase {AptSettings.Suite} {rootfs} {apt.Mirror} failed (exit {result.ExitCode}):\n  " +
                                   string.Join("\n  ", (result.StandardError + result.StandardOutput).Trim().Split('\n').TakeLast(12)) +
                                   $"\n  Its log: {rootfs}/debootstrap/debootstrap.log. Check that the mirror answers (apt-get update on this machine).");
    }

    /// <summary>The host's mirrors and carried apt options, and no package lists or archives in the image.</summary>
    private static void Configure(string rootfs, AptSettings apt)
    {
        File.WriteAllText(Path.Combine(rootfs, "etc/apt/sources.list"), apt.SourcesList);
        if (apt.Options.Count > 0) File.WriteAllText(Path.Combine(rootfs, "etc/apt/apt.conf.d/99ktrdr-lab"), apt.AptConf);
        foreach (var folder in new[] { "var/lib/apt/lists", "var/cache/apt/archives" })
            foreach (var file in Directory.EnumerateFiles(Path.Combine(rootfs, folder)).Where(f => !f.EndsWith("/lock", StringComparison.Ordinal)))
                File.Delete(file);
    }
}
