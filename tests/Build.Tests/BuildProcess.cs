using CliWrap;
using CliWrap.Buffered;
using TestSupport;

namespace Build.Tests;

/// <summary>What one run of the build printed and returned.</summary>
public sealed record BuildRun(int ExitCode, string Output)
{
    public override string ToString() => $"exit {ExitCode}\n{Output}";
}

/// <summary>
/// A throwaway root (.nuke/ plus a copy of the repository's deploy/) and a way to run the real build in it as a
/// process — exactly what ./build.sh starts — so tests see what a person sees.
/// </summary>
public sealed class BuildSandbox : IDisposable
{
    public static string RepoRoot => RepoFiles.Root;

    public string Root { get; } = Directory.CreateTempSubdirectory("ktrdr-build-").FullName;

    public BuildSandbox()
    {
        Directory.CreateDirectory(Path.Combine(Root, ".nuke"));
        File.WriteAllText(Path.Combine(Root, ".nuke", "parameters.json"), "{ \"Environment\": \"lab\" }\n");
        RepoFiles.CopyTree(Path.Combine(RepoRoot, "deploy"), Path.Combine(Root, "deploy"));
    }

    public string RenderDir(string env, string node = "") => Path.Combine(Root, ".artifacts", "render", env, node);

    public void Replace(string relativePath, string from, string to)
    {
        var path = Path.Combine(Root, relativePath);
        var text = File.ReadAllText(path);
        Assert.Contains(from, text);
        File.WriteAllText(path, text.Replace(from, to));
    }

    public async Task<BuildRun> RunAsync(params string[] args) => await RunAsync(args, new Dictionary<string, string?>());

    public async Task<BuildRun> RunAsync(string[] args, IReadOnlyDictionary<string, string?> environment)
    {
        var dll = BuildExecutable.Dll;
        var env = new Dictionary<string, string?>(environment) { ["GITHUB_ACTIONS"] = environment.GetValueOrDefault("GITHUB_ACTIONS") ?? "" };
        var result = await Cli.Wrap("dotnet").WithArguments([dll, .. args]).WithWorkingDirectory(Root)
            .WithEnvironmentVariables(env).WithValidation(CommandResultValidation.None).ExecuteBufferedAsync();
        return new BuildRun(result.ExitCode, result.StandardOutput + result.StandardError);
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
