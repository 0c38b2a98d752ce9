using Npgsql;
using Standin.Hosting;

namespace Standin.Backend.Operations;

/// <summary>
/// DB_HOST, DB_PORT, DB_NAME, DB_USER, DB_PASSWORD as the real backend reads them. All four of host,
/// user, password and name, or none: a partial set is an error rather than a silent fall-back to memory.
/// The credentials never appear in a message or a log line.
/// </summary>
public sealed class DatabaseSettings
{
    private static readonly string[] Required = ["DB_HOST", "DB_USER", "DB_PASSWORD", "DB_NAME"];

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
        var missing = Required.Where(name => env.Get(name) is null).ToList();
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
        var port = env.GetCount("DB_PORT", 5432);
        return new DatabaseSettings(env.Get("DB_HOST")!, port, env.Get("DB_NAME")!, env.Get("DB_USER")!, env.Get("DB_PASSWORD")!);
    }

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
