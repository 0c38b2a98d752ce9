using System.Net;
using System.Net.Sockets;
using System.Text;

namespace TestSupport;

/// <summary>
/// An HTTP server on a free loopback port answering JSON, for the services that cannot run here (GitHub, Grafana,
/// Jaeger): a subclass says what each request gets (usually a recorded body); this holds the listener and its loop.
/// </summary>
public abstract class LoopbackJsonServer : IDisposable
{
    private readonly HttpListener listener = new();
    private readonly Task serving;

    protected LoopbackJsonServer()
    {
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            Port = ((IPEndPoint)probe.LocalEndpoint).Port;
        }
        listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        listener.Start();
        serving = Task.Run(ServeAsync);
    }

    public int Port { get; }

    /// <summary>The status and JSON body for one request (called one request at a time).</summary>
    protected abstract Task<(int Status, string Body)> AnswerAsync(HttpListenerRequest request);

    public void Dispose()
    {
        try
        {
            listener.Stop();
            listener.Close();
        }
        catch (HttpListenerException) { }   // its managed listener can fail to unregister a port another test now uses
        serving.Wait(TimeSpan.FromSeconds(5));
        GC.SuppressFinalize(this);
    }

    private async Task ServeAsync()
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try { context = await listener.GetContextAsync(); }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException) { return; }
            var (status, body) = await AnswerAsync(context.Request);
            var bytes = Encoding.UTF8.GetBytes(body);
            context.Response.StatusCode = status;
            context.Response.ContentType = "application/json; charset=utf-8";
            context.Response.ContentLength64 = bytes.Length;
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
    }
}
