using System.Net;
using System.Text;
using TestSupport;

namespace Verification.Tests.Support;

/// <summary>One canned answer: a recorded body (a file under TestData) and whether the real service wants a login for it.</summary>
public sealed record StubAnswer(string File, int Status = 200, bool NeedsLogin = false);

/// <summary>
/// A tiny HTTP server on a free loopback port that answers GETs with recorded bodies, standing in for a service that
/// cannot run here (Grafana, Jaeger). Routes are path + query; an unknown route answers 404. A route that needs a
/// login answers the recorded 401 unless the request carries the expected Basic credentials.
/// </summary>
public sealed class StubServer(IReadOnlyDictionary<string, StubAnswer> routes, string? user = null, string? password = null) : LoopbackJsonServer
{
    private readonly string? basicCredentials = user is null ? null : Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}"));

    public Uri BaseAddress => new($"http://127.0.0.1:{Port}");

    public static string Recorded(string file) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", file));

    protected override Task<(int Status, string Body)> AnswerAsync(HttpListenerRequest request) => Task.FromResult(Answer(request));

    private (int Status, string Body) Answer(HttpListenerRequest request)
    {
        if (!routes.TryGetValue(request.Url!.PathAndQuery, out var answer)) return (404, "{\"message\":\"Not found\"}");
        if (answer.NeedsLogin && request.Headers["Authorization"] != $"Basic {basicCredentials}")
            return (401, Recorded("grafana-unauthorized.json"));
        return (answer.Status, Recorded(answer.File));
    }
}
