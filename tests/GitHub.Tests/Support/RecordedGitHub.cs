using System.Collections.Concurrent;
using System.Net;
using System.Text;
using TestSupport;

namespace Ktrdr.Deploy.GitHub.Tests.Support;

/// <summary>One request the server received, as GitHub would see it.</summary>
public sealed record SeenRequest(string Method, string Path, string Query, string? Authorization, string Body);

/// <summary>
/// A loopback HTTP server standing in for api.github.com: it answers each route (method + path, any query) with a
/// recorded body from Recorded/ and records every request. An unknown route answers GitHub's 404.
/// </summary>
public sealed class RecordedGitHub : LoopbackJsonServer
{
    private readonly ConcurrentDictionary<string, (int Status, string File)> routes = new();
    private readonly ConcurrentQueue<SeenRequest> requests = new();

    public string ApiUrl => $"http://127.0.0.1:{Port}/";

    public IReadOnlyList<SeenRequest> Requests => [.. requests];

    public static string Recorded(string file) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Recorded", file));

    /// <summary>Answers <paramref name="method"/> <paramref name="path"/> with the recorded <paramref name="file"/>.</summary>
    public RecordedGitHub Answer(string method, string path, int status, string file)
    {
        routes[$"{method} {path}"] = (status, file);
        return this;
    }

    protected override async Task<(int Status, string Body)> AnswerAsync(HttpListenerRequest request)
    {
        using (var reader = new StreamReader(request.InputStream, Encoding.UTF8))
            requests.Enqueue(new SeenRequest(request.HttpMethod, request.Url!.AbsolutePath, request.Url.Query,
                request.Headers["Authorization"], await reader.ReadToEndAsync()));
        var (status, file) = routes.TryGetValue($"{request.HttpMethod} {request.Url.AbsolutePath}", out var route)
            ? route : (404, "error-404-not-found.json");
        return (status, Recorded(file));
    }
}
