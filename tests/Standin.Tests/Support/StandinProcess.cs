using System.Diagnostics;
using System.Text;
using Standin.Hosting;

namespace Standin.Tests.Support;

/// <summary>The built stand-in run as a real child process (<c>dotnet Standin.dll -m uvicorn ...</c>).</summary>
public sealed class StandinProcess : IDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();

    private StandinProcess(IEnumerable<string> args, IReadOnlyDictionary<string, string> env)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(typeof(StandinHost).Assembly.Location);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        foreach (var (name, value) in env)
        {
            start.Environment[name] = value;
        }
        process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public int Id => process.Id;

    public bool HasExited => process.HasExited;

    public string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    public static StandinProcess Start(IEnumerable<string> args, IReadOnlyDictionary<string, string>? env = null) =>
        new(args, env ?? new Dictionary<string, string>());

    /// <summary>Waits for the exit and returns its code (the process is killed if it outlives the timeout).</summary>
    public async Task<int> ExitCodeAsync(TimeSpan timeout)
    {
        using var limit = new CancellationTokenSource(timeout);
        await process.WaitForExitAsync(limit.Token);
        process.WaitForExit(); // drains the redirected streams
        return process.ExitCode;
    }

    /// <summary>SIGTERM, as docker stop sends it.</summary>
    public void Terminate() => Process.Start("kill", ["-TERM", process.Id.ToString()])!.WaitForExit();

    /// <summary>SIGKILL: a crash, no shutdown code runs; returns once the process is gone (its port free again).</summary>
    public void Crash()
    {
        process.Kill();
        process.WaitForExit(TimeSpan.FromSeconds(10));
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill();
            process.WaitForExit();
        }
        process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (output)
        {
            output.AppendLine(line);
        }
    }
}
