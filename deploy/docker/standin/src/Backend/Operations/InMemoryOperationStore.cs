using System.Collections.Concurrent;

namespace Standin.Backend.Operations;

/// <summary>Operations kept in this process only: a restart forgets them (said in the start-up log).</summary>
public sealed class InMemoryOperationStore : IOperationStore
{
    private readonly ConcurrentDictionary<string, OperationRecord> operations = new(StringComparer.Ordinal);

    public string Description => "memory only (KTRDR_DB_HOST, KTRDR_DB_USER, KTRDR_DB_PASSWORD and KTRDR_DB_NAME are not all set): a restart forgets every operation";

    public Task InitializeAsync(CancellationToken ct) => Task.CompletedTask;

    public Task SaveAsync(OperationRecord operation, CancellationToken ct)
    {
        operations[operation.OperationId] = operation;
        return Task.CompletedTask;
    }

    public Task<OperationRecord?> GetAsync(string operationId, CancellationToken ct) =>
        Task.FromResult(operations.GetValueOrDefault(operationId));

    public Task<IReadOnlyList<OperationRecord>> ListAsync(CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<OperationRecord>>(operations.Values.OrderByDescending(o => o.CreatedAt).ToList());
}
