namespace Ktrdr.Deploy.Topology.Reading;

/// <summary>Turns the text of a scalar into a typed value, or says what was expected.</summary>
internal delegate bool TextParser<T>(string text, out T value);

/// <summary>
/// How one kind of value is read: what it must look like (for "expected ..., found ..."),
/// what to do when it is wrong, and the value used in place of a bad one so that reading
/// can go on and report the file's other problems too.
/// </summary>
internal class ValueRule<T>(string expected, string hint, TextParser<T> parse, T placeholder)
{
    /// <summary>Completes "expected ...", e.g. "a whole number between 1 and 65535".</summary>
    public string Expected { get; } = expected;

    public T Placeholder { get; } = placeholder;

    public bool TryParse(string text, out T value) => parse(text, out value);

    /// <summary>What to do about a wrong value (may depend on it, e.g. did-you-mean).</summary>
    public virtual string HintFor(string text) => hint;

    /// <summary>
    /// Completes "found ...", with control characters shown as escapes (<c>\n</c>) so that the message stays on one line.
    /// Rules for sensitive values override it to never echo the text.
    /// </summary>
    public virtual string Describe(string text) => $"\"{Visible(text)}\"";

    private static string Visible(string text) =>
        string.Concat(text.Select(c => c switch
        {
            '\n' => "\\n",
            '\r' => "\\r",
            '\t' => "\\t",
            _ when char.IsControl(c) => $"\\u{(int)c:x4}",
            _ => c.ToString(),
        }));
}
