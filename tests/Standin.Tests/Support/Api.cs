using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Standin.Tests.Support;

/// <summary>Plain HTTP calls against a running instance (no redirects followed, so 307s stay visible).</summary>
public sealed class Api(Uri baseAddress) : IDisposable
{
    private readonly HttpClient client = new(new HttpClientHandler { AllowAutoRedirect = false })
    {
        BaseAddress = baseAddress,
        Timeout = TimeSpan.FromSeconds(15),
    };

    public Task<HttpResponseMessage> GetAsync(string path) => client.GetAsync(path);

    public Task<HttpResponseMessage> PostAsync(string path, object body) => client.PostAsJsonAsync(path, body);

    public Task<HttpResponseMessage> PostRawAsync(string path, string json) =>
        client.PostAsync(path, new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

    public async Task<JsonNode> GetJsonAsync(string path)
    {
        using var response = await client.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {path}: {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!;
    }

    public async Task<JsonNode> PostJsonAsync(string path, object body, int expectedStatus = 200)
    {
        using var response = await client.PostAsJsonAsync(path, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == expectedStatus, $"POST {path}: expected {expectedStatus}, got {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!;
    }

    /// <summary>The backend's record of a worker, or null while it answers 404.</summary>
    public async Task<JsonNode?> WorkerOrNullAsync(string workerId)
    {
        using var response = await client.GetAsync($"/api/v1/workers/{workerId}");
        return response.IsSuccessStatusCode ? JsonNode.Parse(await response.Content.ReadAsStringAsync()) : null;
    }

    /// <summary>Waits until the backend has health-checked the worker at least once.</summary>
    /// <summary>
    /// The worker's record once the backend's poller has checked it and holds it available. Waits on that condition: on a
    /// loaded machine a probe can time out, and the record passes through temporarily_unavailable before it recovers.
    /// </summary>
    public Task<JsonNode?> HealthCheckedWorkerAsync(string workerId) =>
        Eventually.ValueAsync(() => WorkerOrNullAsync(workerId),
            w => w?["last_health_check"]?.GetValue<string>() is not null && w["status"]?.GetValue<string>() == "available",
            $"a health check of {workerId} by {client.BaseAddress} that finds it available");

    /// <summary>True once the backend answers its health endpoint with 200; false while nothing answers.</summary>
    public async Task<bool> HealthyAsync()
    {
        try
        {
            using var response = await client.GetAsync("/api/v1/health");
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    public async Task<string?> WorkerStatusAsync(string workerId) => (await WorkerOrNullAsync(workerId))?["status"]?.GetValue<string>();

    public static string Text(JsonNode? node) => node?.ToJsonString(new JsonSerializerOptions { WriteIndented = false }) ?? "null";

    public void Dispose() => client.Dispose();
}
