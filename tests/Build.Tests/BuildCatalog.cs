using System.Text.Json;

namespace Build.Tests;

/// <summary>The build's own list of targets and parameters (<c>./build.sh --list-json</c>), for tests that check files naming them.</summary>
public sealed record BuildCatalog(IReadOnlySet<string> Targets, IReadOnlyDictionary<string, string> ParameterTypes)
{
    /// <summary>Options of the engine itself, valid for every build.</summary>
    public static readonly IReadOnlySet<string> EngineOptions =
        new HashSet<string>(["--skip", "--plan", "--help", "--list-json", "--profile", "--verbosity", "--root"], StringComparer.Ordinal);

    public static async Task<BuildCatalog> LoadAsync()
    {
        using var sandbox = new BuildSandbox();
        var run = await sandbox.RunAsync("--list-json");
        Assert.True(run.ExitCode == 0, run.ToString());
        using var json = JsonDocument.Parse(run.Output);
        var targets = json.RootElement.GetProperty("targets").EnumerateArray().Select(t => t.GetProperty("name").GetString()!).ToHashSet(StringComparer.Ordinal);
        var parameters = json.RootElement.GetProperty("parameters").EnumerateArray()
            .ToDictionary(p => p.GetProperty("cliName").GetString()!, p => p.GetProperty("type").GetString()!, StringComparer.Ordinal);
        return new BuildCatalog(targets, parameters);
    }

    /// <summary>
    /// The targets and options of one <c>./build.sh ...</c> command line: "--name value" pairs (a bool takes no value),
    /// everything else a target. <paramref name="variables"/> resolves a quoted "$VAR" target to the values it can take.
    /// </summary>
    public (IReadOnlyList<string> Targets, IReadOnlyList<string> Options) Read(string commandLine, Func<string, IEnumerable<string>> variables)
    {
        var words = commandLine[(commandLine.IndexOf("./build.sh", StringComparison.Ordinal) + "./build.sh".Length)..]
            .Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries).Select(w => w.Trim('"', '\'')).ToList();
        var targets = new List<string>();
        var options = new List<string>();
        for (var i = 0; i < words.Count; i++)
        {
            var word = words[i];
            if (word.StartsWith("--", StringComparison.Ordinal))
            {
                options.Add(word);
                var takesValue = ParameterTypes.TryGetValue(word, out var type) ? type != "bool" : word is "--skip" or "--profile" or "--verbosity" or "--root";
                if (takesValue && i + 1 < words.Count && !words[i + 1].StartsWith("--", StringComparison.Ordinal)) i++;
            }
            else if (word.StartsWith('$')) targets.AddRange(variables(word[1..]));
            else targets.Add(word);
        }
        return (targets, options);
    }
}
