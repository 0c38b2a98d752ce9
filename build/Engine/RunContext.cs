using System.Collections;

namespace BuildEngine;

/// <summary>Everything a run takes from its surroundings, so tests can run builds without a real process.</summary>
public sealed class RunContext
{
    /// <summary>Where the search for the root directory (the folder containing <c>.nuke/</c>) starts.</summary>
    public required string WorkingDirectory { get; init; }

    public IDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>Console output; everything written here is masked.</summary>
    public TextWriter Output { get; init; } = TextWriter.Null;

    /// <summary>Cancelled on Ctrl-C; targets receive it.</summary>
    public CancellationToken CancellationToken { get; init; }

    public static RunContext FromProcess(CancellationToken cancellation) => new()
    {
        WorkingDirectory = System.Environment.CurrentDirectory,
        Environment = System.Environment.GetEnvironmentVariables().Cast<DictionaryEntry>()
            .ToDictionary(e => (string)e.Key, e => e.Value?.ToString() ?? ""),
        Output = Console.Out,
        CancellationToken = cancellation,
    };
}
