using System.Net;

namespace Ktrdr.Deploy.Images.Tests.Support;

/// <summary>An HTTP handler answering from a function and recording every request (method, URL, Authorization): no network.</summary>
internal sealed class StubRegistry(Func<HttpRequestMessage, HttpResponseMessage> answer) : HttpMessageHandler
{
    public List<(HttpMethod Method, string Url, string? Authorization, IReadOnlyList<string> Accept)> Requests { get; } = [];

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Requests.Add((request.Method, request.RequestUri!.AbsoluteUri, request.Headers.Authorization?.ToString(),
            request.Headers.Accept.Select(a => a.MediaType!).ToList()));
        return Task.FromResult(answer(request));
    }

    public static HttpResponseMessage Status(HttpStatusCode status, string? challenge = null, string? digest = null, string? body = null)
    {
        var response = new HttpResponseMessage(status);
        if (challenge is not null) response.Headers.TryAddWithoutValidation("WWW-Authenticate", challenge);
        if (digest is not null) response.Headers.TryAddWithoutValidation("Docker-Content-Digest", digest);
        if (body is not null) response.Content = new StringContent(body);
        return response;
    }
}
