using CliWrap;
using CliWrap.Buffered;

namespace Ktrdr.Deploy.Rendering.Tools;

/// <summary>What a tool printed and how it ended.</summary>
public sealed record ToolResult(int ExitCode, string Output)
{
    public bool Succeeded => ExitCode == 0;
}

/// <summary>Runs the external checkers (promtool, docker-compose). Null when the tool is not installed.</summary>
public interface IToolRunner
{
    /// <summary>Full path of the tool on PATH, or null.</summary>
    string? Find(string tool);

    ToolResult? Run(string tool, IReadOnlyList<string> args, string workingDirectory, IReadOnlyDictionary<string, string>? environment = null);
}

/// <summary>Runs tools as child processes, with extra environment variables, stdout and stderr merged.</summary>
public sealed class ProcessToolRunner : IToolRunner
{
    public string? Find(string tool) => Executables.Find(tool);

    public ToolResult? Run(string tool, IReadOnlyList<string> args, string workingDirectory, IReadOnlyDictionary<string, string>? environment = null)
    {
        var path = Find(tool);
        if (path is null) return null;
        var env = (environment ?? new Dictionary<string, string>()).ToDictionary(kv => kv.Key, kv => (string?)kv.Value);
        var result = Cli.Wrap(path).WithArguments(args).WithWorkingDirectory(workingDirectory)
            .WithEnvironmentVariables(env)
            .WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync().GetAwaiter().GetResult();
        return new ToolResult(result.ExitCode, (result.StandardOutput + result.StandardError).Trim());
    }
}

/// <summary>Finds commands on PATH (plus the sbin folders, where sshd lives even when PATH omits them).</summary>
public static class Executables
{
    public static string? Find(string command) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "/usr/local/bin:/usr/bin:/bin")
        .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries).Append("/usr/sbin").Append("/sbin")
        .Select(dir => Path.Combine(dir, command))
        .FirstOrDefault(File.Exists);
}
