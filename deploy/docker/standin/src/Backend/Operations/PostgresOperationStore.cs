using System.Text.Json;
using Npgsql;
using NpgsqlTypes;

namespace Standin.Backend.Operations;

/// <summary>Operations in a PostgreSQL table, so what the backend wrote survives a redeploy.</summary>
public sealed class PostgresOperationStore(DatabaseSettings settings, NpgsqlDataSource database, ILogger<PostgresOperationStore> log) : IOperationStore
{
    private const string Columns =
        "operation_id, operation_type, status, created_at, started_at, completed_at, worker_id, parameters, result_summary, error_message";

    private const int ConnectAttempts = 10;

    public string Description => settings.ToString();

    public async Task InitializeAsync(CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var command = database.CreateCommand(
                    "CREATE TABLE IF NOT EXISTS operations (operation_id TEXT PRIMARY KEY, operation_type TEXT NOT NULL, " +
                    "status TEXT NOT NULL, created_at TIMESTAMPTZ NOT NULL, started_at TIMESTAMPTZ, completed_at TIMESTAMPTZ, " +
                    "worker_id TEXT, parameters JSONB NOT NULL, result_summary JSONB, error_message TEXT)");
                await command.ExecuteNonQueryAsync(ct);
                return;
            }
            catch (NpgsqlException e) when (e.IsTransient && attempt < ConnectAttempts)
            {
                log.LogWarning("{Database} not ready (attempt {Attempt}/{Attempts}): {Problem}", Description, attempt, ConnectAttempts, e.Message);
                await Task.Delay(TimeSpan.FromSeconds(1), ct);
            }
            catch (NpgsqlException e)
            {
                throw new InvalidOperationException($"cannot use {Description} after {ConnectAttempts} attempts: {e.Message}", e);
            }
        }
    }

    public async Task SaveAsync(OperationRecord operation, CancellationToken ct)
    {
        await using var command = database.CreateCommand(
            $"INSERT INTO operations ({Columns}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) " +
            "ON CONFLICT (operation_id) DO UPDATE SET status = EXCLUDED.status, started_at = EXCLUDED.started_at, " +
            "completed_at = EXCLUDED.completed_at, worker_id = EXCLUDED.worker_id, parameters = EXCLUDED.parameters, " +
            "result_summary = EXCLUDED.result_summary, error_message = EXCLUDED.error_message");
        object?[] values =
        [
            operation.OperationId, operation.OperationType, operation.Status, operation.CreatedAt, operation.StartedAt,
            operation.CompletedAt, operation.WorkerId, JsonSerializer.Serialize(operation.Parameters),
            operation.ResultSummary?.GetRawText(), operation.ErrorMessage,
        ];
        foreach (var (value, index) in values.Select((v, i) => (v, i)))
        {
            command.Parameters.Add(new NpgsqlParameter
            {
                Value = value ?? DBNull.Value,
                NpgsqlDbType = index switch
                {
                    3 or 4 or 5 => NpgsqlDbType.TimestampTz,
                    7 or 8 => NpgsqlDbType.Jsonb,
                    _ => NpgsqlDbType.Text,
                },
            });
        }
        await command.ExecuteNonQueryAsync(ct);
    }

    public async Task<OperationRecord?> GetAsync(string operationId, CancellationToken ct)
    {
        var found = await QueryAsync($"SELECT {Columns} FROM operations WHERE operation_id = $1", operationId, ct);
        return found.FirstOrDefault();
    }

    public Task<IReadOnlyList<OperationRecord>> ListAsync(CancellationToken ct) =>
        QueryAsync($"SELECT {Columns} FROM operations ORDER BY created_at DESC", null, ct);

    private async Task<IReadOnlyList<OperationRecord>> QueryAsync(string sql, string? argument, CancellationToken ct)
    {
        await using var command = database.CreateCommand(sql);
        if (argument is not null)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = argument });
        }
        await using var reader = await command.ExecuteReaderAsync(ct);
        var operations = new List<OperationRecord>();
        while (await reader.ReadAsync(ct))
        {
            operations.Add(new OperationRecord(
                reader.GetString(0), reader.GetString(1), reader.GetString(2),
                reader.GetFieldValue<DateTimeOffset>(3),
                reader.IsDBNull(4) ? null : reader.GetFieldValue<DateTimeOffset>(4),
                reader.IsDBNull(5) ? null : reader.GetFieldValue<DateTimeOffset>(5),
                reader.IsDBNull(6) ? null : reader.GetString(6),
                JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(reader.GetString(7)) ?? [],
                reader.IsDBNull(8) ? null : ParseJson(reader.GetString(8)),
                reader.IsDBNull(9) ? null : reader.GetString(9)));
        }
        return operations;
    }

    private static JsonElement ParseJson(string text)
    {
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }
}
