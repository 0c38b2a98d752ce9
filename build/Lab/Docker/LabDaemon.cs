using System.Diagnostics;
using CliWrap;
using Serilog;
using Ktrdr.Deploy.DockerClient;

namespace Ktrdr.Deploy.Lab.Docker;

/// <summary>The Docker daemon a lab runs on: the default one when it answers, else the machine-wide lab daemon.</summary>
internal sealed record DockerEndpoint(DockerCli Docker, bool IsLabDaemon, bool StartedNow);

/// <summary>
/// The machine-wide lab daemon, shared by every checkout's lab (each with its own id): started detached from the
/// build (setsid) so it outlives it, found again by its socket, stopped by LabDown once no lab is left on it.
/// </summary>
internal static class LabDaemon
{
    public const string RunDirectory = "/run/ktrdr-lab";
    public const string Socket = $"unix://{RunDirectory}/docker.sock";
    public const string DataRoot = "/var/lib/ktrdr-lab/docker";
    public const string PidFile = $"{RunDirectory}/docker.pid";
    public const string LogFile = "/var/log/ktrdr-lab-dockerd.log";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    public static IReadOnlyList<string> Arguments =>
    [
        "--host", Socket, "--data-root", DataRoot, "--exec-root", $"{RunDirectory}/exec",
        "--pidfile", PidFile, "--storage-driver", "overlay2",
    ];

    /// <summary>The default daemon when <c>docker info</c> answers; else the lab daemon, started when it is not running.</summary>
    public static async Task<DockerEndpoint> EnsureAsync(CancellationToken ct)
    {
        var standard = new DockerCli(DefaultHost);
        if (await AnswersAsync(standard, ct)) return new DockerEndpoint(standard, standard.Host == Socket, false);
        var lab = new DockerCli(Socket);
        if (await AnswersAsync(lab, ct)) return new DockerEndpoint(lab, true, false);
        await StartAsync(lab, ct);
        return new DockerEndpoint(lab, true, true);
    }

    /// <summary>DOCKER_HOST as this process was given it (null: the client's default socket).</summary>
    public static string? DefaultHost => System.Environment.GetEnvironmentVariable("DOCKER_HOST") is { Length: > 0 } host ? host : null;

    /// <summary>The daemon a lab was recorded on, when it still answers; null otherwise.</summary>
    public static async Task<DockerCli?> FindAsync(string? host, CancellationToken ct)
    {
        var docker = new DockerCli(host);
        return await AnswersAsync(docker, ct) ? docker : null;
    }

    public static async Task<bool> AnswersAsync(DockerCli docker, CancellationToken ct) =>
        (await docker.TryAsync(["info", "--format", "{{.ServerVersion}}"], ct)).Succeeded;

    /// <summary>Stops the lab daemon (SIGTERM, then waits for it to end). Returns false when it was not running.</summary>
    public static async Task<bool> StopAsync(CancellationToken ct)
    {
        if (!File.Exists(PidFile) || !int.TryParse((await File.ReadAllTextAsync(PidFile, ct)).Trim(), out var pid)) return false;
        Process process;
        try { process = Process.GetProcessById(pid); }
        catch (ArgumentException) { return false; }
        using (process)
        {
            Log.Information("Stopping the lab Docker daemon (pid {Pid})", pid);
            await Cli.Wrap("kill").WithArguments(["-TERM", pid.ToString(System.Globalization.CultureInfo.InvariantCulture)]).ExecuteAsync(ct);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(60));
            await process.WaitForExitAsync(timeout.Token);
        }
        return true;
    }

    private static async Task StartAsync(DockerCli lab, CancellationToken ct)
    {
        if (!File.Exists("/usr/sbin/dockerd") && !File.Exists("/usr/bin/dockerd"))
            throw new LabException("no Docker daemon answers and dockerd is not installed: run apt-get install docker.io, then LabUp again");
        Directory.CreateDirectory(RunDirectory);
        Directory.CreateDirectory(DataRoot);
        Log.Information("No Docker daemon answers: starting the lab daemon on {Socket} (log {Log})", Socket, LogFile);
        // setsid: its own session, so it outlives this build; output to a file, so no pipe ties it to us.
        var start = new ProcessStartInfo("setsid") { UseShellExecute = false, RedirectStandardInput = true };
        foreach (var argument in (string[])["--fork", "sh", "-c", "exec dockerd \"$@\" >>" + LogFile + " 2>&1 </dev/null", "dockerd", .. Arguments])
            start.ArgumentList.Add(argument);
        using (var setsid = Process.Start(start) ?? throw new LabException("could not start setsid (util-linux) to launch dockerd"))
            await setsid.WaitForExitAsync(ct);
        var waited = Stopwatch.StartNew();
        while (!await AnswersAsync(lab, ct))
        {
            if (waited.Elapsed > StartTimeout)
                throw new LabException($"the lab Docker daemon did not answer on {Socket} within {StartTimeout.TotalSeconds:0} s. " +
                                       $"Last lines of {LogFile}:\n  {string.Join("\n  ", Tail(LogFile, 12))}");
            await Task.Delay(300, ct);
        }
    }

    private static IEnumerable<string> Tail(string file, int lines) => File.Exists(file) ? File.ReadLines(file).TakeLast(lines) : ["(no log written)"];
}
