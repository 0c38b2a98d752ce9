using System.Diagnostics;

namespace Build.Tests;

/// <summary>
/// build.sh compiles the build project only when its sources changed, and on a warm call decides that from file times
/// alone (no hashing). The real script runs in a throw-away tree with a <c>dotnet</c> of the test's own first on PATH
/// that records whether it was asked to build or to run: compiling the real project for every case would cost minutes
/// and prove nothing more about the script's decision.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class BuildScriptTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("ktrdr-buildsh-").FullName;
    private string Calls => Path.Combine(_root, "calls.log");
    private string Stamp => Path.Combine(_root, ".artifacts", "dotnet", "_build.inputs.sha256");

    public BuildScriptTests()
    {
        File.Copy(Path.Combine(BuildSandbox.RepoRoot, "build.sh"), Path.Combine(_root, "build.sh"));
        File.WriteAllText(Path.Combine(_root, "global.json"), "{ \"sdk\": { \"version\": \"10.0.100\" } }\n");
        Directory.CreateDirectory(Path.Combine(_root, "build", "Engine"));
        File.WriteAllText(Path.Combine(_root, "build", "_build.csproj"), "<Project />\n");
        File.WriteAllText(Path.Combine(_root, "build", "Engine", "Target.cs"), "class Target {}\n");
        Directory.CreateDirectory(Path.Combine(_root, "bin"));
        // the recording dotnet: "build" makes the assembly, anything else with the assembly first is a run
        File.WriteAllText(Path.Combine(_root, "bin", "dotnet"), $$"""
            #!/usr/bin/env bash
            case "$1" in
              --version) echo 10.0.100 ;;
              build) echo build >> '{{Calls}}'; mkdir -p '{{_root}}/.artifacts/dotnet/bin/_build/release'; touch '{{_root}}/.artifacts/dotnet/bin/_build/release/_build.dll' ;;
              *) echo "run ${*:2}" >> '{{Calls}}' ;;
            esac
            """.Replace("\r", ""));
        File.SetUnixFileMode(Path.Combine(_root, "bin", "dotnet"), (UnixFileMode)0b111_101_101);
        // the sources were written a while ago, as in a checkout: only what a test writes later is newer than a stamp
        foreach (var path in Directory.GetFileSystemEntries(Path.Combine(_root, "build"), "*", SearchOption.AllDirectories)
                     .Append(Path.Combine(_root, "build")).Append(Path.Combine(_root, "global.json")))
            Age(path);
    }

    [Fact]
    public void First_call_compiles_then_a_warm_call_only_runs()
    {
        Assert.Equal(["build", "run --help"], Run("--help"));
        Assert.Equal(["run --help"], Run("--help"));
    }

    [Fact]
    public void A_changed_source_compiles_again()
    {
        Run();
        Write("build/Engine/Target.cs", "class Target { int x; }\n");
        Assert.Equal(["build", "run"], Run());
    }

    [Fact]
    public void A_touched_but_unchanged_source_is_hashed_not_compiled_and_refreshes_the_stamp()
    {
        Run();
        Age(Stamp);
        var before = File.GetLastWriteTimeUtc(Stamp);
        Write("build/Engine/Target.cs", "class Target {}\n");   // same content, newer time
        Assert.Equal(["run"], Run());
        Assert.True(File.GetLastWriteTimeUtc(Stamp) > before, "the stamp's time was not refreshed after the sources hashed the same");
    }

    [Fact]
    public void A_deleted_or_added_source_compiles_again()
    {
        Run();
        Write("build/Engine/Extra.cs", "class Extra {}\n");
        Assert.Equal(["build", "run"], Run());
        File.Delete(Path.Combine(_root, "build", "Engine", "Extra.cs"));
        Assert.Equal(["build", "run"], Run());
    }

    /// <summary>Runs build.sh and returns what the recording dotnet was asked, in order; the log is emptied for the next call.</summary>
    private string[] Run(params string[] args)
    {
        var start = new ProcessStartInfo("bash", [Path.Combine(_root, "build.sh"), .. args])
            { RedirectStandardError = true, RedirectStandardOutput = true, WorkingDirectory = _root };
        start.Environment["PATH"] = Path.Combine(_root, "bin") + ":" + System.Environment.GetEnvironmentVariable("PATH");
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"build.sh exited {process.ExitCode}: {stderr.Result}");
        var calls = File.Exists(Calls) ? File.ReadAllLines(Calls) : [];
        File.Delete(Calls);
        return [.. calls.Select(c => c.TrimEnd())];
    }

    private void Write(string relative, string text) => File.WriteAllText(Path.Combine(_root, relative), text);

    private static void Age(string path)
    {
        if (Directory.Exists(path)) Directory.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddSeconds(-10));
        else File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddSeconds(-10));
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
