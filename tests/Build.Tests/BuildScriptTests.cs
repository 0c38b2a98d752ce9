using System.Diagnostics;

namespace Build.Tests;

/// <summary>
/// build.sh compiles the build project only when its sources changed, and on a warm call decides that from the inodes'
/// change times alone (no hash, no SDK check). The real script runs in a throw-away tree with a <c>dotnet</c> and a
/// <c>sha256sum</c> of the test's own first on PATH that record what they were asked (hash the sources, check the SDK,
/// build, run): compiling the real project for every case would cost minutes and prove nothing more about the decision.
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
              --version) echo sdk >> '{{Calls}}'; echo 10.0.100 ;;
              build) echo build >> '{{Calls}}'; mkdir -p '{{_root}}/.artifacts/dotnet/bin/_build/release'; touch '{{_root}}/.artifacts/dotnet/bin/_build/release/_build.dll' ;;
              *) echo "run ${*:2}" >> '{{Calls}}' ;;
            esac
            """.Replace("\r", ""));
        File.SetUnixFileMode(Path.Combine(_root, "bin", "dotnet"), (UnixFileMode)0b111_101_101);
        // the recording sha256sum: one "hash" per hash of the sources (the files are its arguments), then the real one
        File.WriteAllText(Path.Combine(_root, "bin", "sha256sum"), $$"""
            #!/usr/bin/env bash
            [ $# -gt 0 ] && echo hash >> '{{Calls}}'
            exec /usr/bin/sha256sum "$@"
            """.Replace("\r", ""));
        File.SetUnixFileMode(Path.Combine(_root, "bin", "sha256sum"), (UnixFileMode)0b111_101_101);
        // the sources were written a while ago, as in a checkout: only what a test writes later is newer than a stamp
        foreach (var path in Directory.GetFileSystemEntries(Path.Combine(_root, "build"), "*", SearchOption.AllDirectories)
                     .Append(Path.Combine(_root, "build")).Append(Path.Combine(_root, "global.json")))
            Age(path);
    }

    [Fact]
    public void First_call_checks_the_sdk_and_compiles_then_a_warm_call_only_runs()
    {
        Assert.Equal(["hash", "sdk", "build", "run --help"], Run("--help"));
        Settle();
        Assert.Equal(["run --help"], Run("--help"));   // no hash, no SDK check: one find and the assembly
        Assert.Equal(["run"], Run());
    }

    [Fact]
    public void A_changed_source_compiles_again()
    {
        Run();
        Write("build/Engine/Target.cs", "class Target { int x; }\n");
        Assert.Equal(["hash", "sdk", "build", "run"], Run());
    }

    [Fact]
    public void A_changed_source_whose_modification_time_was_set_back_compiles_again()
    {
        Run();
        // what git-restore-mtime, cp -p, rsync -t or tar do: new content, file and folder dated before the last build
        Write("build/Engine/Target.cs", "class Target { int y; }\n");
        Age(Path.Combine(_root, "build", "Engine", "Target.cs"));
        Age(Path.Combine(_root, "build", "Engine"));
        Assert.True(File.GetLastWriteTimeUtc(Path.Combine(_root, "build", "Engine", "Target.cs")) < File.GetLastWriteTimeUtc(Stamp));
        Assert.Equal(["hash", "sdk", "build", "run"], Run());
    }

    [Fact]
    public void A_touched_but_unchanged_source_is_hashed_not_compiled_and_refreshes_the_stamp()
    {
        Run();
        Age(Stamp);
        var before = File.GetLastWriteTimeUtc(Stamp);
        Write("build/Engine/Target.cs", "class Target {}\n");   // same content, newer time
        Assert.Equal(["hash", "run"], Run());
        Assert.True(File.GetLastWriteTimeUtc(Stamp) > before, "the stamp's time was not refreshed after the sources hashed the same");
    }

    [Fact]
    public void A_deleted_or_added_source_compiles_again()
    {
        Run();
        Write("build/Engine/Extra.cs", "class Extra {}\n");
        Assert.Equal(["hash", "sdk", "build", "run"], Run());
        File.Delete(Path.Combine(_root, "build", "Engine", "Extra.cs"));
        Assert.Equal(["hash", "sdk", "build", "run"], Run());
    }

    [Fact]
    public void A_changed_global_json_compiles_again()
    {
        Run();
        Write("global.json", "{ \"sdk\": { \"version\": \"10.0.101\" } }\n");
        Assert.Equal(["hash", "sdk", "build", "run"], Run());
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

    /// <summary>
    /// As if the last build ran well after the sources last changed: the stamp has a whole second's resolution, so a
    /// source changed in the second the build started counts as changed after it (hashed once more, never missed).
    /// </summary>
    private void Settle() => File.SetLastWriteTimeUtc(Stamp, DateTime.UtcNow.AddSeconds(10));

    private void Write(string relative, string text) => File.WriteAllText(Path.Combine(_root, relative), text);

    private static void Age(string path)
    {
        if (Directory.Exists(path)) Directory.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddSeconds(-10));
        else File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddSeconds(-10));
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
