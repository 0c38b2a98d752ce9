using System.Net;
using Microsoft.Extensions.Logging.Console;
using Standin.Backend;
using Standin.Http;
using Standin.Metrics;
using Standin.Worker;

namespace Standin.Hosting;

/// <summary>Starts one stand-in instance from the image's command line and an environment.</summary>
public static class StandinHost
{
    /// <summary>
    /// Validates the command line and environment, then starts the role. Returns once the server listens
    /// (for a worker: after its start-up registration, like uvicorn's start-up hook).
    /// Throws <see cref="StandinConfigurationException"/> for a bad command line or environment.
    /// </summary>
    public static async Task<RunningStandin> StartAsync(IReadOnlyList<string> args, StandinEnvironment env, CancellationToken ct = default)
    {
        var command = LaunchCommand.Parse(args);
        IStandinRole role = command.Role == ServiceRole.Backend
            ? new BackendRole(BackendSettings.Read(env))
            : new WorkerRole(WorkerSettings.Read(command.Role, env));

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ApplicationName = "Standin" });
        builder.WebHost.ConfigureKestrel(kestrel => Listen(kestrel, command));
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(options =>
        {
            options.SingleLine = true;
            options.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ ";
            options.UseUtcTimestamp = true;
            options.ColorBehavior = LoggerColorBehavior.Disabled;
        });
        builder.Logging.SetMinimumLevel(LogLevel.Information);
        builder.Logging.AddFilter("Microsoft", LogLevel.Warning);
        builder.Logging.AddFilter("System.Net.Http", LogLevel.Warning);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<OutboundHttp>();
        builder.Services.AddSingleton<HttpServerMetrics>();
        role.AddServices(builder.Services);

        var app = builder.Build();
        var httpMetrics = app.Services.GetRequiredService<HttpServerMetrics>();
        app.Use((context, next) => httpMetrics.MeasureAsync(context, _ => next()));
        role.MapEndpoints(app);
        // Like Starlette, routing does not merge slashes: '//health' is unknown (the trailing-slash trap).
        app.MapFallback(NotFound);

        await app.StartAsync(ct);
        app.Logger.LogInformation("{Role} listening on http://{Host}:{Port} ({Application})", role.Describe(), command.Host, command.Port, command.Application);
        return new RunningStandin(app, command, (role as WorkerRole)?.WorkerId);
    }

    /// <summary>The process entry: runs until SIGTERM/SIGINT. Returns the exit code.</summary>
    public static async Task<int> RunAsync(IReadOnlyList<string> args, StandinEnvironment env, TextWriter error)
    {
        try
        {
            await using var running = await StartAsync(args, env);
            await running.WaitForShutdownAsync();
            return 0;
        }
        catch (StandinConfigurationException e)
        {
            await error.WriteLineAsync($"standin: {e.Message}");
            return 2;
        }
        catch (Exception e) when (e is InvalidOperationException or IOException)
        {
            await error.WriteLineAsync($"standin: could not start: {e.Message}");
            return 1;
        }
    }

    private static Task NotFound(HttpContext context) =>
        StandinJson.Detail(StatusCodes.Status404NotFound, "Not Found").ExecuteAsync(context);

    private static void Listen(Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions kestrel, LaunchCommand command)
    {
        if (command.Host is "localhost")
        {
            kestrel.ListenLocalhost(command.Port);
        }
        else if (IPAddress.TryParse(command.Host, out var address))
        {
            kestrel.Listen(address, command.Port);
        }
        else
        {
            throw new StandinConfigurationException($"--host '{command.Host}' is not an IP address (expected e.g. 0.0.0.0 or 127.0.0.1).");
        }
    }
}
