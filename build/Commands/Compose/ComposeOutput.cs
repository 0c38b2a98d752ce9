using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Ktrdr.Deploy.Commands.Output;
using Ktrdr.Deploy.Remote;

namespace Ktrdr.Deploy.Commands.Compose;

/// <summary>Reads what compose and <c>docker inspect</c> print.</summary>
internal static partial class ComposeOutput
{
    /// <summary>
    /// A docker inspect template printing one JSON object per container. <c>.State</c> is printed whole because
    /// <c>.State.Health</c> is absent without a health check and docker 20.10 fails on a missing key.
    /// </summary>
    public const string InspectTemplate =
        "{\"id\":{{json .Id}},\"name\":{{json .Name}},\"created\":{{json .Created}},\"image\":{{json .Config.Image}}," +
        "\"service\":{{json (index .Config.Labels \"com.docker.compose.service\")}}," +
        "\"configHash\":{{json (index .Config.Labels \"com.docker.compose.config-hash\")}},\"state\":{{json .State}}}";

    public static IReadOnlyList<ContainerStatus> Containers(CommandResult result)
    {
        if (!result.Succeeded) throw UnexpectedOutputException.For("container listing", "docker could not list the containers", result);
        return Lines(result).Select(line => Container(line, result)).OrderBy(c => c.Service, StringComparer.Ordinal).ToList();
    }

    public static IReadOnlyDictionary<string, string> ConfigHashes(CommandResult result)
    {
        if (!result.Succeeded) throw UnexpectedOutputException.For("compose config hashes", "compose rejected the files", result);
        var hashes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in Lines(result))
        {
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length != 2)
                throw UnexpectedOutputException.For("compose config hashes", $"expected 'service hash' lines, found '{line}'", result);
            hashes[parts[0]] = parts[1];
        }

        return hashes;
    }

    private static ContainerStatus Container(string line, CommandResult result)
    {
        try
        {
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            var state = root.GetProperty("state");
            var service = Text(root, "service");
            if (service.Length == 0) throw new InvalidOperationException("the container has no compose service label");
            return new ContainerStatus(
                service,
                Text(root, "id"),
                Text(root, "name").TrimStart('/'),
                Text(state, "Status"),
                Health(state),
                state.GetProperty("ExitCode").GetInt32(),
                Text(root, "image"),
                Timestamp(Text(root, "created")),
                root.TryGetProperty("configHash", out var hash) && hash.GetString() is { Length: > 0 } h ? h : null)
            {
                StartedAt = state.TryGetProperty("StartedAt", out var started) && started.GetString() is { Length: > 0 } s &&
                            !s.StartsWith("0001-", StringComparison.Ordinal) ? Timestamp(s) : null,
            };
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw UnexpectedOutputException.For("container listing",
                $"a line is not the container description the listing prints ({e.Message})", result);
        }
    }

    private static string Text(JsonElement element, string property) => element.GetProperty(property).GetString() ?? "";

    private static ContainerHealth Health(JsonElement state) =>
        state.TryGetProperty("Health", out var health) && health.ValueKind == JsonValueKind.Object
            ? health.GetProperty("Status").GetString() switch
            {
                "healthy" => ContainerHealth.Healthy,
                "unhealthy" => ContainerHealth.Unhealthy,
                "none" => ContainerHealth.None,
                _ => ContainerHealth.Starting,
            }
            : ContainerHealth.None;

    /// <summary>Docker prints nanoseconds; .NET reads at most seven fractional digits.</summary>
    private static DateTimeOffset Timestamp(string text) =>
        DateTimeOffset.Parse(ExtraFraction().Replace(text, "$1"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    private static IEnumerable<string> Lines(CommandResult result) => OutputText.Lines(result.StandardOutput);

    [GeneratedRegex(@"(\.\d{1,7})\d*")]
    private static partial Regex ExtraFraction();
}
