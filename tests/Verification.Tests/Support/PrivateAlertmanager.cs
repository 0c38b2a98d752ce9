using System.Net;
using System.Text;
using Standin.Tests.Support;
using TestSupport;

namespace Verification.Tests.Support;

/// <summary>A real Alertmanager (Debian's prometheus-alertmanager, the lab's version) on a free loopback port, no clustering.</summary>
public sealed class PrivateAlertmanager : IAsyncDisposable
{
    public const string Binary = "/usr/bin/prometheus-alertmanager";

    private readonly LoopbackServerProcess server;

    private PrivateAlertmanager(LoopbackServerProcess server, int port)
    {
        this.server = server;
        Port = port;
    }

    public int Port { get; }

    public string Address => $"127.0.0.1:{Port}";

    public string Log => server.Log;

    /// <summary>Starts it with <paramref name="config"/> (a file in its own temporary folder) and waits until /-/ready.</summary>
    public static async Task<PrivateAlertmanager> StartAsync(Func<string, string> config)
    {
        var directory = Directory.CreateTempSubdirectory("verify-alertmanager-").FullName;
        var port = FreePort.Next();
        File.WriteAllText(Path.Combine(directory, "alertmanager.yml"), config(directory));
        string[] arguments =
        [
            $"--config.file={Path.Combine(directory, "alertmanager.yml")}", $"--storage.path={Path.Combine(directory, "data")}",
            $"--web.listen-address=127.0.0.1:{port}", "--cluster.listen-address=",
        ];
        var server = await LoopbackServerProcess.StartAsync(Binary, "prometheus-alertmanager", directory, arguments, new Uri($"http://127.0.0.1:{port}/-/ready"));
        return new PrivateAlertmanager(server, port);
    }

    public ValueTask DisposeAsync() => server.DisposeAsync();
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
