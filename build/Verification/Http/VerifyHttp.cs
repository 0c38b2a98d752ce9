using System.Net.Http.Headers;
using System.Net.Sockets;

namespace Ktrdr.Deploy.Verification.Http;

/// <summary>The one HTTP client Verify uses: host map aware, one timeout per request, answers instead of exceptions.</summary>
public sealed class VerifyHttp : IDisposable
{
    private readonly HttpClient client;
    private readonly TimeSpan requestTimeout;

    public VerifyHttp(IReadOnlyDictionary<string, string> hostMap, TimeSpan requestTimeout)
    {
        client = new HttpClient(HostMapConnector.Handler(hostMap)) { Timeout = Timeout.InfiniteTimeSpan };
        this.requestTimeout = requestTimeout;
    }

    public Task<HttpAnswer> GetAsync(Uri url, CancellationToken ct, AuthenticationHeaderValue? authorization = null) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Get, url), ct, authorization);

    /// <summary>POSTs a JSON body (the smoke test's operation starts).</summary>
    public Task<HttpAnswer> PostJsonAsync(Uri url, string json, CancellationToken ct) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json") }, ct, null);

    private async Task<HttpAnswer> SendAsync(HttpRequestMessage message, CancellationToken ct, AuthenticationHeaderValue? authorization)
    {
        using var request = message;
        var url = request.RequestUri!;
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(requestTimeout);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        request.Headers.Authorization = authorization;
        try
        {
            using var response = await client.SendAsync(request, limit.Token);
            var body = await response.Content.ReadAsStringAsync(limit.Token);
            return new HttpAnswer(url, (int)response.StatusCode, body, null);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return new HttpAnswer(url, null, "", $"no answer within {requestTimeout.TotalSeconds:0.#} s");
        }
        catch (HttpRequestException e)
        {
            return new HttpAnswer(url, null, "", Describe(url, e));
        }
    }

    public void Dispose() => client.Dispose();

    private static string Describe(Uri url, HttpRequestException e) => e.InnerException switch
    {
        SocketException { SocketErrorCode: SocketError.ConnectionRefused } => $"connection refused on {url.Host}:{url.Port} (nothing listens there)",
        SocketException { SocketErrorCode: SocketError.HostNotFound or SocketError.TryAgain or SocketError.NoData } =>
            $"cannot resolve {url.Host} (no DNS entry and no host map entry)",
        SocketException s => $"cannot connect to {url.Host}:{url.Port}: {s.Message}",
        _ => e.Message,
    };
}
