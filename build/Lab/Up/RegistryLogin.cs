using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Ktrdr.Deploy.Lab.Docker;
using Ktrdr.Deploy.Lab.Planning;
using Ktrdr.Deploy.DockerClient;

namespace Ktrdr.Deploy.Lab.Up;

/// <summary>
/// Gives the lab registry its login: the htpasswd file is written inside the registry container by
/// <c>htpasswd -iBc</c> reading the password on standard input (never in argv), then the login is checked over HTTP:
/// refused without credentials, accepted with them.
/// </summary>
internal static class RegistryLogin
{
    public const string HtpasswdFile = "/etc/docker/registry/htpasswd";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    public static async Task<string?> EnsureAsync(DockerCli docker, LabPlan plan, string user, string password, CancellationToken ct)
    {
        string? change = null;
        if (!(await docker.TryAsync(["exec", plan.RegistryContainer, "test", "-s", HtpasswdFile], ct)).Succeeded)
        {
            await docker.RunAsync(["exec", "--interactive", plan.RegistryContainer, "htpasswd", "-iBc", HtpasswdFile, user], ct, password + "\n");
            change = $"login '{user}' set (password from the token secret)";
        }
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var url = $"http://{plan.RegistryPushHost}/v2/";
        var watch = Stopwatch.StartNew();
        HttpStatusCode? anonymous;
        while ((anonymous = await StatusAsync(http, url, null, ct)) is not HttpStatusCode.Unauthorized)
        {
            if (watch.Elapsed > Timeout)
                throw new LabException($"the lab registry at {url} did not ask for a login within {Timeout.TotalSeconds:0} s (answer: {anonymous?.ToString() ?? "none"}). " +
                                       $"See docker logs {plan.RegistryContainer}");
            await Task.Delay(200, ct);
        }
        var credentials = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}"));
        var authenticated = await StatusAsync(http, url, new AuthenticationHeaderValue("Basic", credentials), ct);
        if (authenticated != HttpStatusCode.OK)
            throw new LabException($"the lab registry refused the login '{user}' with the token secret (answer: {authenticated}). " +
                                   "The secret changed since the registry was set up: run ./build.sh LabDown, then LabUp.");
        return change;
    }

    /// <summary>True when the registry refuses a request without the login and accepts one with it (nothing written, no waiting).</summary>
    public static async Task<bool> WorksAsync(LabPlan plan, string user, string password, CancellationToken ct)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var url = $"http://{plan.RegistryPushHost}/v2/";
        var credentials = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}"));
        return await StatusAsync(http, url, null, ct) == HttpStatusCode.Unauthorized &&
               await StatusAsync(http, url, new AuthenticationHeaderValue("Basic", credentials), ct) == HttpStatusCode.OK;
    }

    private static async Task<HttpStatusCode?> StatusAsync(HttpClient http, string url, AuthenticationHeaderValue? auth, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Authorization = auth;
        try
        {
            using var response = await http.SendAsync(request, ct);
            return response.StatusCode;
        }
        catch (HttpRequestException)
        {
            return null;
        }
        catch (TaskCanceledException) when (!ct.IsCancellationRequested)
        {
            return null;
        }
    }
}
