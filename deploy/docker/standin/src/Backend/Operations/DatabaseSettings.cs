using Npgsql;
using Standin.Hosting;

namespace Standin.Backend.Operations;

/// <summary>
/// KTRDR_DB_HOST, _PORT, _NAME, _USER, _PASSWORD as the real application reads them (the older DB_* names
/// still work). All four of host,
/// user, password and name, or none: a partial set is an error rather than a silent fall-back to memory.
/// The credentials never appear in a message or a log line.
/// </summary>
public sealed class DatabaseSettings
{
    private static readonly string[] Required = ["KTRDR_DB_HOST", "KTRDR_DB_USER", "KTRDR_DB_PASSWORD", "KTRDR_DB_NAME"];

    private readonly string user;
    private readonly string password;

    private DatabaseSettings(string host, int port, string name, string user, string password)
    {
        Host = host;
        Port = port;
        Name = name;
        this.user = user;
        this.password = password;
    }

    public string Host { get; }
    public int Port { get; }
    public string Name { get; }

    /// <summary>Null when none of the variables is set (operations then stay in memory).</summary>
    public static DatabaseSettings? Read(StandinEnvironment env)
    {
        var missing = Required.Where(name => Value(env, name) is null).ToList();
        if (missing.Count == Required.Length)
        {
            return null;
        }
        if (missing.Count > 0)
        {
            var present = Required.Except(missing);
            throw new StandinConfigurationException(
                $"{string.Join(", ", present)} set but {string.Join(", ", missing)} not: set all of " +
                $"{string.Join(", ", Required)} to keep operations in PostgreSQL, or none to keep them in memory.");
        }
        var port = env.Get("KTRDR_DB_PORT") is null ? env.GetCount("DB_PORT", 5432) : env.GetCount("KTRDR_DB_PORT", 5432);
        return new DatabaseSettings(Value(env, "KTRDR_DB_HOST")!, port, Value(env, "KTRDR_DB_NAME")!, Value(env, "KTRDR_DB_USER")!, Value(env, "KTRDR_DB_PASSWORD")!);
    }

    /// <summary>The current name's value, else its older name's (KTRDR_DB_HOST, then DB_HOST).</summary>
    private static string? Value(StandinEnvironment env, string name) => env.GetFirst(name, name["KTRDR_".Length..]);

    public NpgsqlDataSource CreateDataSource() => NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder
    {
        Host = Host,
        Port = Port,
        Database = Name,
        Username = user,
        Password = password,
        Timeout = 5,
    });

    public override string ToString() => $"PostgreSQL {Host}:{Port}/{Name}";
}
