using System.Text.Json;
using Ktrdr.Deploy.Commands.Output;
using Ktrdr.Deploy.Remote;
using static Ktrdr.Deploy.Remote.Execution.ShellQuote;

namespace Ktrdr.Deploy.Commands.Health;

/// <summary>A container's own health check command, as its image or compose file declares it.</summary>
public sealed record HealthTest(string ContainerId, IReadOnlyList<string> Command);

/// <summary>
/// Runs a container's own health check now, through <c>docker exec</c>, instead of waiting for Docker's first check
/// (which comes only after the check's interval, 30 s for KTRDR's services). Same command, same meaning: exit 0 is
/// healthy. Docker's own status catches up at its next interval.
/// </summary>
public static class HealthProbe
{
    /// <summary>Prints <c>&lt;id&gt; &lt;json test&gt;</c> per container.</summary>
    public static RemoteCommand Tests(IReadOnlyList<string> containerIds) => new(
        $"exec docker inspect --format '{{{{.Id}}}} {{{{json .Config.Healthcheck.Test}}}}' {string.Join(' ', containerIds.Select(Quote))}",
        $"read the health checks of {containerIds.Count} container(s)");

    public static IReadOnlyList<HealthTest> ParseTests(CommandResult result)
    {
        if (!result.Succeeded) throw UnexpectedOutputException.For("health checks", "docker inspect failed", result);
        var tests = new List<HealthTest>();
        foreach (var line in OutputText.Lines(result.StandardOutput))
        {
            var space = line.IndexOf(' ');
            if (space < 0) throw UnexpectedOutputException.For("health checks", $"expected '<id> <json>', found '{line}'", result);
            var test = JsonSerializer.Deserialize<string[]?>(line[(space + 1)..]) ?? [];
            if (Command(test) is { } command) tests.Add(new HealthTest(line[..space], command));
        }
        return tests;
    }

    /// <summary>
    /// The command a Docker health test runs: <c>["CMD", args...]</c> as is, <c>["CMD-SHELL", script]</c> through
    /// <c>/bin/sh -c</c>; null for <c>["NONE"]</c> or no test.
    /// </summary>
    public static IReadOnlyList<string>? Command(IReadOnlyList<string> test) => test.ToArray() switch
    {
        ["CMD", .. var args] when args.Length > 0 => args,
        ["CMD-SHELL", var script] => ["/bin/sh", "-c", script],
        _ => null,
    };

    /// <summary>Runs every test (each bounded by <paramref name="timeoutSeconds"/>) and prints <c>&lt;id&gt;=ok|fail</c>.</summary>
    public static RemoteCommand Run(IReadOnlyList<HealthTest> tests, int timeoutSeconds = 10) => new(
        string.Concat(tests.Select(t =>
            $"if timeout {timeoutSeconds} docker exec {Quote(t.ContainerId)} {string.Join(' ', t.Command.Select(Quote))} >/dev/null 2>&1; " +
            $"then echo {Quote(t.ContainerId)}=ok; else echo {Quote(t.ContainerId)}=fail; fi; ")) + "true",
        $"run the health checks of {tests.Count} container(s) now");

    /// <summary>The ids of the containers whose check passed.</summary>
    public static IReadOnlySet<string> ParsePassed(CommandResult result) =>
        OutputText.Lines(result.StandardOutput).Select(l => l.Split('=', 2)).Where(kv => kv.Length == 2 && kv[1] == "ok")
            .Select(kv => kv[0]).ToHashSet(StringComparer.Ordinal);
}
