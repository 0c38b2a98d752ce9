using System.Diagnostics;
using Npgsql;

namespace Standin.Tests.Support;

/// <summary>
/// A throw-away PostgreSQL cluster from Debian's server binaries, on a free loopback port, with a
/// password-protected user (host connections use scram-sha-256, so DB_PASSWORD is really checked).
/// </summary>
public sealed class PrivatePostgres : IAsyncDisposable
{
    private readonly string directory;
    private readonly string binaries;

    private PrivatePostgres(string directory, string binaries, int port)
    {
        this.directory = directory;
        this.binaries = binaries;
        Port = port;
    }

    public int Port { get; }
    public string User => "ktrdr";
    public string Password { get; } = "pw-" + Guid.NewGuid().ToString("N");
    public string Database => "ktrdr";

    public Dictionary<string, string> Environment => new()
    {
        ["KTRDR_DB_HOST"] = "127.0.0.1", ["KTRDR_DB_PORT"] = Port.ToString(), ["KTRDR_DB_USER"] = User, ["KTRDR_DB_PASSWORD"] = Password, ["KTRDR_DB_NAME"] = Database,
    };

    public static async Task<PrivatePostgres> StartAsync()
    {
        var binaries = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(v => Path.Combine(v, "bin")).Where(b => File.Exists(Path.Combine(b, "initdb"))).Max()
            : null;
        Assert.True(binaries is not null, "PostgreSQL server binaries not found under /usr/lib/postgresql/*/bin (apt-get install postgresql)");
        var directory = Directory.CreateTempSubdirectory("standin-pg-").FullName;
        var server = new PrivatePostgres(directory, binaries!, FreePort.Next());
        await File.WriteAllTextAsync(Path.Combine(directory, "pw"), server.Password + "\n");
        if (System.Environment.UserName == "root")
        {
            await RunAsync("chown", "-R", "postgres:", directory);
        }
        await server.RunServerToolAsync("initdb", "-D", Path.Combine(directory, "data"), "-U", server.User, "--pwfile", Path.Combine(directory, "pw"),
            "--auth-local=trust", "--auth-host=scram-sha-256", "-E", "UTF8");
        await server.RunServerToolAsync("pg_ctl", "-D", Path.Combine(directory, "data"), "-l", Path.Combine(directory, "log"), "-w",
            "-o", $"-p {server.Port} -k {directory} -c listen_addresses=127.0.0.1", "start");
        await using var connection = new NpgsqlConnection(
            $"Host=127.0.0.1;Port={server.Port};Username={server.User};Password={server.Password};Database=postgres");
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE {server.Database}", connection);
        await create.ExecuteNonQueryAsync();
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await RunServerToolAsync("pg_ctl", "-D", Path.Combine(directory, "data"), "-m", "immediate", "-w", "stop");
        Directory.Delete(directory, recursive: true);
    }

    private Task RunServerToolAsync(string tool, params string[] args) =>
        System.Environment.UserName == "root"
            ? RunAsync("runuser", ["-u", "postgres", "--", Path.Combine(binaries, tool), .. args])
            : RunAsync(Path.Combine(binaries, tool), args);

    private static async Task RunAsync(string program, params string[] args)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{program} {string.Join(' ', args)} exited {process.ExitCode}: {await output}{await error}");
    }
}
