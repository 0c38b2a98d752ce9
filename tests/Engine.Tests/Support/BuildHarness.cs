using System.Linq.Expressions;
using BuildEngine;

namespace Engine.Tests.Support;

/// <summary>The output and exit code of one in-process run.</summary>
public sealed record RunResult(int ExitCode, string Output);

/// <summary>
/// A temporary repository root (with <c>.nuke/</c>) to run test builds in, with their environment variables,
/// parameter files and the record of which targets executed (see <see cref="RecordingBuild"/>).
/// </summary>
public sealed class BuildHarness : IDisposable
{
    public BuildHarness()
    {
        Root = Directory.CreateTempSubdirectory("engine-tests-").FullName;
        Directory.CreateDirectory(Path.Combine(Root, ".nuke"));
    }

    public string Root { get; }

    public Dictionary<string, string> Environment { get; } = new();

    public IReadOnlyList<string> Executed
    {
        get
        {
            var path = Path.Combine(Root, RecordingBuild.ExecutedFile);
            return File.Exists(path) ? File.ReadAllLines(path) : [];
        }
    }

    public string[] LogFiles
    {
        get
        {
            var directory = Path.Combine(Root, ".artifacts", "logs");
            return Directory.Exists(directory) ? Directory.GetFiles(directory) : [];
        }
    }

    public RunResult Run<T>(params string[] args) where T : NukeBuild, new() => RunWithDefaults<T>(args, []);

    public RunResult RunWithDefaults<T>(string[] args, Expression<Func<T, Target>>[] defaults) where T : NukeBuild, new()
    {
        var output = new StringWriter();
        var exitCode = BuildRunner.Run(args, Context(output, default), defaults);
        return new RunResult(exitCode, output.ToString());
    }

    public async Task<RunResult> RunAsync<T>(string[] args, CancellationToken cancellation) where T : NukeBuild, new()
    {
        var output = new StringWriter();
        var exitCode = await BuildRunner.RunAsync<T>(args, Context(output, cancellation));
        return new RunResult(exitCode, output.ToString());
    }

    private RunContext Context(TextWriter output, CancellationToken cancellation) => new()
    {
        WorkingDirectory = Root,
        Environment = Environment,
        Output = output,
        CancellationToken = cancellation,
    };

    public void WriteParameters(string json, string? profile = null)
    {
        var name = profile is null ? "parameters.json" : $"parameters.{profile}.json";
        File.WriteAllText(Path.Combine(Root, ".nuke", name), json);
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
