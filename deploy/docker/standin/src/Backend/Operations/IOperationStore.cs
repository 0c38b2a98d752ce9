namespace Standin.Backend.Operations;

/// <summary>Where the backend keeps operations: PostgreSQL when DB_* is set, memory otherwise.</summary>
public interface IOperationStore
{
    /// <summary>Said once in the start-up log, e.g. "PostgreSQL db:5432/ktrdr".</summary>
    string Description { get; }

    Task InitializeAsync(CancellationToken ct);

    Task SaveAsync(OperationRecord operation, CancellationToken ct);

    Task<OperationRecord?> GetAsync(string operationId, CancellationToken ct);

    /// <summary>Every operation, newest first.</summary>
    Task<IReadOnlyList<OperationRecord>> ListAsync(CancellationToken ct);
}
