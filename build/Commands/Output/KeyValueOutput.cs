using Ktrdr.Deploy.Remote;

namespace Ktrdr.Deploy.Commands.Output;

/// <summary>
/// Output made of <c>key=value</c> lines (the form every probe script here prints). Lines without '=' are ignored,
/// so a tool's stray chatter cannot break parsing; a key printed twice keeps its last value.
/// </summary>
internal sealed class KeyValueOutput
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);
    private readonly string _what;
    private readonly CommandResult _result;

    private KeyValueOutput(string what, CommandResult result)
    {
        _what = what;
        _result = result;
        foreach (var line in result.StandardOutput.Split('\n'))
        {
            var separator = line.IndexOf('=');
            if (separator > 0) _values[line[..separator].Trim()] = line[(separator + 1)..].TrimEnd('\r');
        }
    }

    /// <param name="what">Names the command in errors, e.g. "pre-flight of workers-b".</param>
    public static KeyValueOutput Parse(string what, CommandResult result) => new(what, result);

    public string? Optional(string key) => _values.TryGetValue(key, out var value) ? value : null;

    public string Required(string key) =>
        Optional(key) ?? throw UnexpectedOutputException.For(_what, $"the line '{key}=...' is missing", _result);

    public bool Flag(string key) => Required(key) switch
    {
        "yes" => true,
        "no" => false,
        var other => throw UnexpectedOutputException.For(_what, $"'{key}' should be yes or no, found '{other}'", _result),
    };

    public long Number(string key) => long.TryParse(Required(key), out var number)
        ? number
        : throw UnexpectedOutputException.For(_what, $"'{key}' should be a whole number, found '{Required(key)}'", _result);

    public UnexpectedOutputException Problem(string problem) => UnexpectedOutputException.For(_what, problem, _result);
}
