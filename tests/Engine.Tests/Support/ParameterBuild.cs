using System.Globalization;
using BuildEngine;

namespace Engine.Tests.Support;

public enum Stage
{
    Dev,
    HomeLab,
    Production,
}

/// <summary>A build with one parameter of each supported type; its Dump target writes the bound values to a file.</summary>
public sealed class ParameterBuild : RecordingBuild
{
    public const string DumpFile = "values.txt";

    protected override string EnvironmentVariablePrefix => "KTRDR";

    [Parameter("Node(s) to deploy to")] [NotEmpty("a node name")] readonly string[] TargetNode = [];
    [Parameter("Image tag")] [Matches("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}", "a Docker tag")] readonly string Tag = "latest";
    [Parameter("Redeploy even when unchanged")] readonly bool Force = false;
    [Parameter("Rows per batch")] [AtLeast(1)] readonly int BatchSize = 4;
    [Parameter("Deployment stage")] readonly Stage Stage = Stage.Dev;
    [Parameter("How long to wait")] readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);
    [Parameter("Retries (unset = tool default)")] readonly int? Retries = null;
    [Parameter("Registry token")] [Secret] readonly string? RegistryToken = null;

    Target Dump => _ => _
        .Description("Writes every parameter value")
        .Executes(() => File.WriteAllLines(RootDirectory / DumpFile,
        [
            $"TargetNode={string.Join("|", TargetNode)}",
            $"Tag={Tag}",
            $"Force={Force}",
            $"BatchSize={BatchSize.ToString(CultureInfo.InvariantCulture)}",
            $"Stage={Stage}",
            $"Timeout={Timeout.ToString("c", CultureInfo.InvariantCulture)}",
            $"Retries={Retries?.ToString(CultureInfo.InvariantCulture) ?? "null"}",
            $"RegistryTokenLength={RegistryToken?.Length ?? 0}",
        ]));

    public static Dictionary<string, string> ReadDump(BuildHarness harness) =>
        File.ReadAllLines(Path.Combine(harness.Root, DumpFile))
            .Select(line => line.Split('=', 2))
            .ToDictionary(parts => parts[0], parts => parts[1]);
}
