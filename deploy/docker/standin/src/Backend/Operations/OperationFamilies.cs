using Standin.Metrics;

namespace Standin.Backend.Operations;

/// <summary>
/// The operations families both roles register (workers import the operations service too):
/// <c>ktrdr_operations_active{operation_type}</c>, <c>ktrdr_operations_total{operation_type,status}</c>.
/// </summary>
public static class OperationFamilies
{
    public static void WriteTo(PrometheusTextWriter writer, IReadOnlyList<(string Type, string Status, bool Active)> operations)
    {
        writer.Family("ktrdr_operations_active", "gauge", "Operations pending, resuming or running, by type.");
        foreach (var type in OperationType.All)
        {
            writer.Sample("ktrdr_operations_active", operations.Count(o => o.Type == type && o.Active), Labels.Of(("operation_type", type)));
        }
        writer.Family("ktrdr_operations_total", "counter", "Operations recorded, by type and status.");
        foreach (var type in OperationType.All)
        {
            foreach (var status in OperationStatus.All)
            {
                writer.Sample("ktrdr_operations_total", operations.Count(o => o.Type == type && o.Status == status),
                    Labels.Of(("operation_type", type), ("status", status)));
            }
        }
    }
}
