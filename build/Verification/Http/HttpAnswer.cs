using System.Text.Json;
using System.Text.Json.Nodes;

namespace Ktrdr.Deploy.Verification.Http;

/// <summary>One GET's answer, or why there was none. Never throws: checks turn problems into report rows.</summary>
public sealed record HttpAnswer(Uri Url, int? Status, string Body, string? Error)
{
    /// <summary>The JSON body of a 200 answer; otherwise false with a sentence saying what came back instead.</summary>
    public bool TryJson(out JsonNode json, out string problem)
    {
        json = null!;
        problem = "";
        if (Error is not null)
        {
            problem = $"GET {Shown}: {Error}";
            return false;
        }
        if (Status != 200)
        {
            problem = $"GET {Shown}: expected 200, got {Status} {Snippet(Body)}".TrimEnd();
            return false;
        }
        try
        {
            json = JsonNode.Parse(Body) ?? throw new JsonException("the body is JSON null");
            return true;
        }
        catch (JsonException e)
        {
            problem = $"GET {Shown}: expected JSON, got {Snippet(Body)} ({e.Message.Split(" Path:")[0]})";
            return false;
        }
    }

    /// <summary>The URL without its query (a panel's PromQL, URL-encoded, would drown the message; the report names the panel).</summary>
    public string Shown => Url.GetLeftPart(UriPartial.Path);

    /// <summary>The start of a body, on one line, for messages.</summary>
    public static string Snippet(string body)
    {
        var line = body.ReplaceLineEndings(" ").Trim();
        return line.Length <= 160 ? line : line[..160] + "…";
    }
}
