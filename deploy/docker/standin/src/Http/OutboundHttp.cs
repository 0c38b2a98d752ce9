using System.Net.Http.Json;
using System.Text.Json;

namespace Standin.Http;

/// <summary>The one HttpClient an instance uses for its calls to other services, each call with its own time limit.</summary>
public sealed class OutboundHttp : IDisposable
{
    private readonly HttpClient client = new() { Timeout = Timeout.InfiniteTimeSpan };

    public async Task<OutboundAnswer> SendAsync(HttpMethod method, string url, object? body, TimeSpan timeout, CancellationToken ct)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(timeout);
        try
        {
            using var request = new HttpRequestMessage(method, url);
            if (body is not null)
            {
                request.Content = JsonContent.Create(body, options: StandinJson.Options);
            }
            using var response = await client.SendAsync(request, limit.Token);
            var text = await response.Content.ReadAsStringAsync(limit.Token);
            return new OutboundAnswer((int)response.StatusCode, text, null);
        }
        catch (Exception e) when (!ct.IsCancellationRequested && e is HttpRequestException or OperationCanceledException or UriFormatException or InvalidOperationException)
        {
            var problem = e is OperationCanceledException ? $"no answer within {timeout.TotalSeconds:0.###} s" : e.Message;
            return new OutboundAnswer(0, "", $"{method} {url}: {problem}");
        }
    }

    public void Dispose() => client.Dispose();
}

/// <summary>An HTTP answer (status 0 and a problem when there was none).</summary>
public sealed record OutboundAnswer(int StatusCode, string Body, string? Problem)
{
    public bool IsSuccess => StatusCode is >= 200 and < 300;

    public JsonElement? JsonOrNull()
    {
        try
        {
            using var document = JsonDocument.Parse(Body);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public string Describe() => Problem ?? $"HTTP {StatusCode}";
}
