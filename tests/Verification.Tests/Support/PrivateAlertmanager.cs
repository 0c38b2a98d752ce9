using System.Diagnostics;
using System.Net;
using System.Text;
using Standin.Tests.Support;
using TestSupport;

namespace Verification.Tests.Support;

/// <summary>A real Alertmanager (Debian's prometheus-alertmanager, the lab's version) on a free loopback port, no clustering.</summary>
public sealed class PrivateAlertmanager : IAsyncDisposable
{
    public const string Binary = "/usr/bin/prometheus-alertmanager";

    private readonly Process process;
    private readonly string directory;
    private readonly StringBuilder log = new();

    private PrivateAlertmanager(string directory, int port, string config)
    {
        this.directory = directory;
        Port = port;
        File.WriteAllText(Path.Combine(directory, "alertmanager.yml"), config);
        var start = new ProcessStartInfo(Binary) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[]
                 {
                     $"--config.file={Path.Combine(directory, "alertmanager.yml")}", $"--storage.path={Path.Combine(directory, "data")}",
                     $"--web.listen-address=127.0.0.1:{port}", "--cluster.listen-address=",
                 })
            start.ArgumentList.Add(arg);
        process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public int Port { get; }

    public string Address => $"127.0.0.1:{Port}";

    public string Log { get { lock (log) return log.ToString(); } }

    /// <summary>Starts it with <paramref name="config"/> (a file in its own temporary folder) and waits until /-/ready.</summary>
    public static async Task<PrivateAlertmanager> StartAsync(Func<string, string> config)
    {
        Assert.True(File.Exists(Binary),
            $"Alertmanager is not installed ({Binary} is missing); install it with: apt-get update && apt-get install -y --no-install-recommends prometheus-alertmanager");
        var directory = Directory.CreateTempSubdirectory("verify-alertmanager-").FullName;
        var alertmanager = new PrivateAlertmanager(directory, FreePort.Next(), config(directory));
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        await Eventually.TrueAsync(async () =>
        {
            if (alertmanager.process.HasExited) Assert.Fail($"alertmanager exited ({alertmanager.process.ExitCode}): {alertmanager.Log}");
            try { return (await client.GetAsync($"http://{alertmanager.Address}/-/ready")).IsSuccessStatusCode; }
            catch (HttpRequestException) { return false; }
        }, "Alertmanager to be ready");
        return alertmanager;
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill();
            await process.WaitForExitAsync();
        }
        process.Dispose();
        Directory.Delete(directory, recursive: true);
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (log) log.AppendLine(line);
    }
}

/// <summary>A scrape target whose /metrics/ answers 200 or, once switched off, 503 (Prometheus records up 0).</summary>
public sealed class SwitchableTarget : LoopbackJsonServer
{
    public volatile bool Up = true;

    public string Address => $"127.0.0.1:{Port}";

    protected override Task<(int Status, string Body)> AnswerAsync(HttpListenerRequest request) =>
        Task.FromResult(Up ? (200, "ktrdr_operations_active 0\n") : (503, "{}"));
}

/// <summary>A webhook receiver: records each POST (its Authorization header and body) and answers 200.</summary>
public sealed class WebhookSink : LoopbackJsonServer
{
    private readonly List<(string? Authorization, string Body)> received = [];

    public Uri Url => new($"http://127.0.0.1:{Port}/alerts");

    public IReadOnlyList<(string? Authorization, string Body)> Received { get { lock (received) return received.ToList(); } }

    protected override async Task<(int Status, string Body)> AnswerAsync(HttpListenerRequest request)
    {
        using var reader = new StreamReader(request.InputStream, Encoding.UTF8);
        var body = await reader.ReadToEndAsync();
        lock (received) received.Add((request.Headers["Authorization"], body));
        return (200, "{}");
    }
}
