using System.Text;
using System.Text.Json;

namespace Ktrdr.Deploy.Rendering.Dashboards;

/// <summary>
/// The line of every property name of a JSON text, in document order, read with the tokenizer (so that a value
/// written twice, or escaped differently than a serializer would write it, is still found at its own line).
/// </summary>
internal sealed class JsonPropertyLines
{
    private readonly Dictionary<string, Queue<int>> lines = new(StringComparer.Ordinal);

    public JsonPropertyLines(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var reader = new Utf8JsonReader(bytes);
        var (line, counted) = (1, 0);
        while (reader.Read())
        {
            if (reader.TokenType != JsonTokenType.PropertyName) continue;
            var at = (int)reader.TokenStartIndex;
            line += bytes.AsSpan(counted, at - counted).Count((byte)'\n');
            counted = at;
            var name = reader.GetString()!;
            if (!lines.TryGetValue(name, out var queue)) lines[name] = queue = new Queue<int>();
            queue.Enqueue(line);
        }
    }

    /// <summary>The line of the next property called <paramref name="name"/>; call once per property, in document order.</summary>
    public int Next(string name) => lines.TryGetValue(name, out var queue) && queue.Count > 0 ? queue.Dequeue() : 0;
}
