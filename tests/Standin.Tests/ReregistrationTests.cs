using Standin.Tests.Support;

namespace Standin.Tests;

public class ReregistrationTests
{
    [Fact]
    public async Task After_a_graceful_backend_restart_the_notified_worker_registers_again_at_once()
    {
        var port = FreePort.Next();
        var first = await Standins.BackendAsync(port);
        // The registration check runs once a minute here: only the shutdown notice can bring the worker back in time.
        await using var worker = await Standins.WorkerAsync(Standins.BacktestWorker, first, new Dictionary<string, string>
        {
            ["KTRDR_STANDIN_RECONNECT_INTERVAL_SECONDS"] = "0.2",
            ["KTRDR_STANDIN_REGISTRATION_CHECK_SECONDS"] = "60",
        });
        using var firstApi = new Api(first.BaseAddress);
        await firstApi.HealthCheckedWorkerAsync(worker.WorkerId!);
        await first.DisposeAsync();

        await using var second = await Standins.BackendAsync(port);
        using var api = new Api(second.BaseAddress);

        await Eventually.TrueAsync(async () => await api.WorkerStatusAsync(worker.WorkerId!) == "available",
            "the worker in the restarted backend's registry", TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task After_a_backend_crash_the_worker_notices_the_silence_and_registers_again()
    {
        var port = FreePort.Next();
        using var crashing = StandinProcess.Start(Standins.Args("ktrdr.api.main:app", port), Standins.FastBackend);
        using var firstApi = new Api(new Uri($"http://127.0.0.1:{port}"));
        await Eventually.TrueAsync(async () => crashing.HasExited
                ? throw new InvalidOperationException($"the backend process exited early:\n{crashing.Output}")
                : await firstApi.HealthyAsync(),
            "the backend process to answer its health endpoint");
        await using var worker = await Standins.WorkerAsync(Standins.BacktestWorker, new Uri($"http://127.0.0.1:{port}"), new Dictionary<string, string>
        {
            ["KTRDR_STANDIN_REGISTRATION_CHECK_SECONDS"] = "0.2",
            ["KTRDR_STANDIN_HEALTH_SILENCE_SECONDS"] = "1",
        });
        await firstApi.HealthCheckedWorkerAsync(worker.WorkerId!);

        crashing.Crash();
        await using var second = await Standins.BackendAsync(port);
        using var api = new Api(second.BaseAddress);

        await Eventually.TrueAsync(async () => await api.WorkerStatusAsync(worker.WorkerId!) == "available",
            "the worker in the new backend's registry", TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task The_executable_refuses_an_unknown_module_with_exit_code_2()
    {
        using var process = StandinProcess.Start(["-m", "uvicorn", "ktrdr.api.app:app", "--port", "8000"]);

        var exitCode = await process.ExitCodeAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(2, exitCode);
        Assert.Contains("standin: unknown application 'ktrdr.api.app:app'", process.Output);
    }

    [Fact]
    public async Task On_sigterm_the_backend_process_shuts_down_gracefully_and_exits_0()
    {
        var port = FreePort.Next();
        using var process = StandinProcess.Start(Standins.Args("ktrdr.api.main:app", port));
        await Eventually.TrueAsync(() => Task.FromResult(FreePort.IsListening(port)), "the backend process to listen");

        process.Terminate();

        Assert.Equal(0, await process.ExitCodeAsync(TimeSpan.FromSeconds(30)));
        Assert.Contains("Operations are kept in memory only", process.Output);
        Assert.Contains("Shutting down: refusing registrations, notifying 0 workers", process.Output);
    }
}
