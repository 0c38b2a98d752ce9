using System.Text.Json;
using Standin.Http;

namespace Standin.Worker;

/// <summary>
/// Writes an operation's result to &lt;shared tree&gt;/results/&lt;operation id&gt;.json when that directory
/// exists. A directory the worker cannot write to fails the operation: that is how a wrong owner or
/// mode on the shared tree shows up.
/// </summary>
public static class ResultFile
{
    /// <summary>rw-rw-r--: every writer of the shared tree is in group 1500.</summary>
    public const UnixFileMode SharedFileMode =
        UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.OtherRead;

    /// <summary>The path written, null when the results directory does not exist; throws IOException or UnauthorizedAccessException.</summary>
    public static string? Write(string resultsDirectory, WorkerOperation operation, object result)
    {
        if (!Directory.Exists(resultsDirectory))
        {
            return null;
        }
        var path = Path.Combine(resultsDirectory, operation.OperationId + ".json");
        var document = new { operation.OperationId, operation.OperationType, operation.Parameters, Result = result };
        File.WriteAllText(path, JsonSerializer.Serialize(document, StandinJson.Options) + "\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, SharedFileMode); // not left to the umask: the shared tree wants 664
        }
        return path;
    }
}
