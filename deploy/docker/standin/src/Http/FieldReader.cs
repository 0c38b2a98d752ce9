using System.Text.Json;

namespace Standin.Http;

/// <summary>
/// Reads fields of one JSON object and collects FastAPI-style validation issues instead of throwing,
/// so one answer can list every problem (missing field, wrong type, value outside an enum).
/// </summary>
public sealed class FieldReader(JsonElement body, IReadOnlyList<object> location, List<ValidationIssue> issues)
{
    public FieldReader(JsonElement body) : this(body, ["body"], [])
    {
    }

    public IReadOnlyList<ValidationIssue> Issues => issues;

    public FieldReader Nested(JsonElement element, params object[] path) => new(element, [.. location, .. path], issues);

    public string? RequiredString(string name) => ReadString(name, required: true);

    public string? OptionalString(string name) => ReadString(name, required: false);

    public string? RequiredEnum(string name, IReadOnlyList<string> allowed) => ReadEnum(name, allowed, required: true);

    public string? OptionalEnum(string name, IReadOnlyList<string> allowed) => ReadEnum(name, allowed, required: false);

    public Dictionary<string, JsonElement> OptionalObject(string name)
    {
        if (!TryGet(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        }
        if (value.ValueKind != JsonValueKind.Object)
        {
            issues.Add(new ValidationIssue("dict_type", Loc(name), "Input should be a valid dictionary", value));
            return new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        }
        return value.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone(), StringComparer.Ordinal);
    }

    public IReadOnlyList<JsonElement> OptionalList(string name)
    {
        if (!TryGet(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return [];
        }
        if (value.ValueKind != JsonValueKind.Array)
        {
            issues.Add(new ValidationIssue("list_type", Loc(name), "Input should be a valid list", value));
            return [];
        }
        return value.EnumerateArray().Select(e => e.Clone()).ToList();
    }

    /// <summary>Every field of the body except the named ones, kept as given (extra parameters are passed on).</summary>
    public Dictionary<string, JsonElement> Remaining(params string[] except) =>
        body.EnumerateObject().Where(p => !except.Contains(p.Name, StringComparer.Ordinal))
            .ToDictionary(p => p.Name, p => p.Value.Clone(), StringComparer.Ordinal);

    private string? ReadEnum(string name, IReadOnlyList<string> allowed, bool required)
    {
        var value = ReadString(name, required);
        if (value is not null && !allowed.Contains(value, StringComparer.Ordinal))
        {
            issues.Add(ValidationIssue.Enum(Loc(name), allowed, value));
            return null;
        }
        return value;
    }

    private string? ReadString(string name, bool required)
    {
        if (!TryGet(name, out var value) || (!required && value.ValueKind == JsonValueKind.Null))
        {
            if (required)
            {
                issues.Add(new ValidationIssue("missing", Loc(name), "Field required", body));
            }
            return null;
        }
        if (value.ValueKind != JsonValueKind.String)
        {
            issues.Add(new ValidationIssue("string_type", Loc(name), "Input should be a valid string", value));
            return null;
        }
        return value.GetString();
    }

    private bool TryGet(string name, out JsonElement value)
    {
        if (body.ValueKind == JsonValueKind.Object && body.TryGetProperty(name, out value))
        {
            return true;
        }
        value = default;
        return false;
    }

    private List<object> Loc(string name) => [.. location, name];
}
