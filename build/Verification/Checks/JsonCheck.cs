using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Ktrdr.Deploy.Verification.Http;

namespace Ktrdr.Deploy.Verification.Checks;

/// <summary>
/// The shape most checks share: GET one JSON document, then judge it. A missing, non-200, non-JSON or
/// wrongly shaped answer becomes one failed outcome with the service's hint.
/// </summary>
internal abstract class JsonCheck(string name, string service, Uri url, string target) : IVerifyCheck
{
    public string Name => name;

    protected virtual AuthenticationHeaderValue? Authorization => null;

    public async Task<IReadOnlyList<CheckOutcome>> RunAsync(VerifyHttp http, CancellationToken ct)
    {
        var answer = await http.GetAsync(url, ct, Authorization);
        if (!answer.TryJson(out var json, out var problem))
            return [CheckOutcome.Fail(target, problem, Hint(answer))];
        try
        {
            return Judge(json);
        }
        catch (FormatException e)
        {
            return [CheckOutcome.Fail(target, e.Message, Hint(answer))];
        }
    }

    /// <summary>What to do when the answer is missing or not the expected JSON.</summary>
    protected virtual string Hint(HttpAnswer answer) => Hints.ForAnswer(answer, service);

    /// <summary>Outcomes for a 200 JSON answer; throws <see cref="FormatException"/> when its shape is wrong.</summary>
    protected abstract IReadOnlyList<CheckOutcome> Judge(JsonNode json);
}
