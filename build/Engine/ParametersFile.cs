using System.Text;
using System.Text.Json;

namespace BuildEngine;

/// <summary>
/// <c>.nuke/parameters.json</c> or a profile file: a JSON object whose keys are parameter member names
/// (PascalCase; kebab accepted) and whose values are strings, numbers, booleans or arrays of those.
/// Keys starting with <c>$</c> (e.g. <c>$schema</c>) are ignored; a null value counts as not set.
/// </summary>
public sealed class ParametersFile
{
    /// <summary>One key of the file with the line it is on.</summary>
    public sealed record Entry(string Key, int Line, IReadOnlyList<string>? Values);

    private ParametersFile(string displayPath, IReadOnlyList<Entry> entries)
    {
        DisplayPath = displayPath;
        Entries = entries;
    }

    /// <summary>Path relative to the root, as shown in messages (<c>.nuke/parameters.json</c>).</summary>
    public string DisplayPath { get; }

    public IReadOnlyList<Entry> Entries { get; }

    public RawValue? Find(ParameterMember parameter)
    {
        var entry = Entries.FirstOrDefault(e => NameConvention.Matches(e.Key, parameter.Name));
        return entry?.Values is null ? null : new RawValue(entry.Values, $"{DisplayPath}, line {entry.Line}");
    }

    public static ParametersFile Load(string root, string displayPath)
    {
        var bytes = File.ReadAllBytes(Path.Combine(root, displayPath));
        try
        {
            return new ParametersFile(displayPath, Read(bytes, displayPath));
        }
        catch (JsonException exception)
        {
            var reason = exception.Message.Split(" LineNumber:")[0].Split(" Path:")[0];
            throw new UsageException(
                $"{displayPath}, line {exception.LineNumber + 1}: not valid JSON ({reason}). Fix the file or remove it.");
        }
    }

    private static List<Entry> Read(byte[] bytes, string displayPath)
    {
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions
        {
            CommentHandling = JsonCommentHandling.Skip,
            AllowTrailingCommas = true,
        });
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            throw new UsageException($"{displayPath}: expected a JSON object like {{ \"Tag\": \"v1\" }}.");
        var entries = new List<Entry>();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var key = reader.GetString()!;
            var line = LineOf(bytes, reader.TokenStartIndex);
            reader.Read();
            var values = ReadValue(ref reader, $"{displayPath}, line {line}, \"{key}\"");
            if (!key.StartsWith('$'))
                entries.Add(new Entry(key, line, values));
        }

        return entries;
    }

    private static List<string>? ReadValue(ref Utf8JsonReader reader, string where)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.StartArray:
                var items = new List<string>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                    items.Add(Scalar(ref reader, where) ?? throw Unexpected(where, "null inside an array"));
                return items;
            default:
                return [Scalar(ref reader, where) ?? throw Unexpected(where, "null")];
        }
    }

    private static string? Scalar(ref Utf8JsonReader reader, string where) => reader.TokenType switch
    {
        JsonTokenType.String => reader.GetString(),
        JsonTokenType.Number => Encoding.UTF8.GetString(reader.ValueSpan),
        JsonTokenType.True => "true",
        JsonTokenType.False => "false",
        JsonTokenType.Null => null,
        _ => throw Unexpected(where, "an object"),
    };

    private static UsageException Unexpected(string where, string found) =>
        new($"{where}: expected a string, number, boolean or an array of those, found {found}.");

    private static int LineOf(byte[] bytes, long index) =>
        1 + bytes.AsSpan(0, (int)index).Count((byte)'\n');
}
