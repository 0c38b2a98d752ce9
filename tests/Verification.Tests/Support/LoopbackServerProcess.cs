using System.Diagnostics;
using System.Text;
using Standin.Tests.Support;

namespace Verification.Tests.Support;

/// <summary>
/// A server program of this machine (Debian's Prometheus or Alertmanager) started on loopback with its files in a
/// temporary folder: its output kept as its log, ready once its <c>/-/ready</c> answers, killed and its folder removed
/// on dispose.
/// </summary>
public sealed class LoopbackServerProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly StringBuilder log = new();

    private LoopbackServerProcess(string binary, string directory, IEnumerable<string> arguments)
    {
        Directory = directory;
        var start = new ProcessStartInfo(binary) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public string Directory { get; }

    public string Log { get { lock (log) return log.ToString(); } }

    /// <summary>
    /// Starts <paramref name="binary"/> (the test fails with the install command when it is missing) and waits until
    /// <paramref name="ready"/> answers 200; a process that exits first fails the test with its log.
    /// </summary>
    public static async Task<LoopbackServerProcess> StartAsync(string binary, string package, string directory, IEnumerable<string> arguments, Uri ready)
    {
        Assert.True(File.Exists(binary),
            $"{package} is not installed ({binary} is missing); install it with: apt-get update && apt-get install -y --no-install-recommends {package}");
        var server = new LoopbackServerProcess(binary, directory, arguments);
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        await Eventually.TrueAsync(async () =>
        {
            if (server.process.HasExited) Assert.Fail($"{Path.GetFileName(binary)} exited ({server.process.ExitCode}): {server.Log}");
            try { return (await client.GetAsync(ready)).IsSuccessStatusCode; }
            catch (HttpRequestException) { return false; }
        }, $"{Path.GetFileName(binary)} to be ready");
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill();
            await process.WaitForExitAsync();
        }
        process.Dispose();
        System.IO.Directory.Delete(Directory, recursive: true);
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (log) log.AppendLine(line);
    }
}
