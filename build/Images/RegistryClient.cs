using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Ktrdr.Deploy.Images;

/// <summary>
/// Asks a registry (Docker Registry HTTP API v2) which manifest digest a tag resolves to. Handles both logins a
/// registry may ask for: Basic (the lab's registry) and the Bearer token flow (GHCR, Docker Hub), where the
/// credentials buy a short-lived token from the realm the 401 names. Loopback registries are spoken to over HTTP.
/// </summary>
public sealed partial class RegistryClient(HttpClient http)
{
    private static readonly string[] ManifestTypes =
    [
        "application/vnd.docker.distribution.manifest.v2+json",
        "application/vnd.docker.distribution.manifest.list.v2+json",
        "application/vnd.oci.image.manifest.v1+json",
        "application/vnd.oci.image.index.v1+json",
    ];

    /// <summary>The digest (<c>sha256:...</c>) the tag resolves to, or null when the registry has no such tag.</summary>
    public async Task<string?> DigestAsync(string registryUrl, string repository, string tag, string? user, string? token, CancellationToken ct)
    {
        var host = registryUrl.Split('/')[0];
        var path = string.Join('/', registryUrl.Split('/').Skip(1).Append(repository));
        var url = $"{Scheme(host)}://{host}/v2/{path}/manifests/{tag}";

        using var first = await HeadAsync(url, null, ct);
        var response = first;
        HttpResponseMessage? retried = null;
        if (first.StatusCode == HttpStatusCode.Unauthorized && user is not null && token is not null)
            response = retried = await HeadAsync(url, await AuthorizationAsync(first, user, token, ct), ct);
        using (retried)
        {
            return response.StatusCode switch
            {
                HttpStatusCode.OK => response.Headers.TryGetValues("Docker-Content-Digest", out var values) ? values.First()
                    : throw new ImageException($"{url} answered without a Docker-Content-Digest header: is this a registry?"),
                HttpStatusCode.NotFound => null,
                HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => throw new ImageException(
                    $"the registry {host} refused to show {path}:{tag} ({(int)response.StatusCode}) with the login '{user}': " +
                    "check the token (registry.token_secret in topology.yml) and that it may read packages"),
                var status => throw new ImageException($"{url} answered {(int)status} {status}"),
            };
        }
    }

    /// <summary>HTTP for loopback registries (Docker trusts them without TLS), HTTPS for every other.</summary>
    public static string Scheme(string host)
    {
        var loopback = Uri.TryCreate($"http://{host}", UriKind.Absolute, out var uri) &&
                       (uri.IsLoopback || uri.Host.Equals("localhost", StringComparison.OrdinalIgnoreCase));
        return loopback ? "http" : "https";
    }

    /// <summary>Parses <c>Bearer realm="...",service="...",scope="..."</c> into its parameters.</summary>
    public static IReadOnlyDictionary<string, string> Challenge(string parameters)
    {
        var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (Match match in ChallengeField().Matches(parameters)) fields.TryAdd(match.Groups[1].Value, match.Groups[2].Value);
        return fields;
    }

    [GeneratedRegex("(\\w+)=\"([^\"]*)\"")]
    private static partial Regex ChallengeField();

    private async Task<AuthenticationHeaderValue> AuthorizationAsync(HttpResponseMessage challenge, string user, string token, CancellationToken ct)
    {
        var basic = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{token}")));
        var bearer = challenge.Headers.WwwAuthenticate.FirstOrDefault(h => h.Scheme.Equals("Bearer", StringComparison.OrdinalIgnoreCase));
        if (bearer?.Parameter is null) return basic;

        var fields = Challenge(bearer.Parameter);
        if (!fields.TryGetValue("realm", out var realm))
            throw new ImageException($"the registry asked for a token without saying where to get one (WWW-Authenticate: Bearer {bearer.Parameter})");
        var query = string.Join('&', new[] { "service", "scope" }.Where(fields.ContainsKey).Select(k => $"{k}={Uri.EscapeDataString(fields[k])}"));
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{realm}?{query}");
        request.Headers.Authorization = basic;
        using var response = await SendAsync(request, ct);
        if (!response.IsSuccessStatusCode)
            throw new ImageException($"the registry's token service {realm} refused the login '{user}' ({(int)response.StatusCode}): check the token");
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
        var value = json.RootElement.TryGetProperty("token", out var t) ? t.GetString() : json.RootElement.GetProperty("access_token").GetString();
        return new AuthenticationHeaderValue("Bearer", value);
    }

    private async Task<HttpResponseMessage> HeadAsync(string url, AuthenticationHeaderValue? authorization, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Head, url);
        foreach (var type in ManifestTypes) request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(type));
        request.Headers.Authorization = authorization;
        return await SendAsync(request, ct);
    }

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        try { return await http.SendAsync(request, ct); }
        catch (HttpRequestException e) { throw new ImageException($"the registry at {request.RequestUri} cannot be reached: {e.Message}", e); }
        catch (TaskCanceledException e) when (!ct.IsCancellationRequested) { throw new ImageException($"the registry at {request.RequestUri} did not answer in time", e); }
    }
}
