using System.Net;
using Octokit;

namespace Ktrdr.Deploy.GitHub;

/// <summary>
/// Turns what went wrong talking to GitHub into one line for the operator: which call, what GitHub answered (status
/// and its message), and what to check. Knows GitHub's usual answers: 401 a refused token, 403 a missing permission
/// or an exhausted rate limit, 404 a wrong repository (GitHub hides what a token may not see), 422 an invalid request.
/// </summary>
public static class GitHubProblem
{
    public static string Describe(GitHubCall call, Exception problem, Uri apiBase)
    {
        var request = $"could not {call.Purpose} ({call.Method} {call.Path})";
        return problem switch
        {
            ApiException api => $"{request}: GitHub answered {Status(api.StatusCode)}{Quoted(api)}; {Hint(call, api)}",
            HttpRequestException http => $"{request}: GitHub at {apiBase.AbsoluteUri} cannot be reached ({http.Message}); check GITHUB_API_URL and the network",
            TaskCanceledException or TimeoutException => $"{request}: GitHub at {apiBase.AbsoluteUri} did not answer in time; try again, or check githubstatus.com",
            _ => $"{request}: {problem.GetType().Name}: {problem.Message}",
        };
    }

    /// <summary>"403 Forbidden": the number and its name.</summary>
    public static string Status(HttpStatusCode status) => $"{(int)status} {status}";

    /// <summary>Where a token gets <paramref name="permission"/> ("deployments: write"): the workflow, or a fine-grained token.</summary>
    public static string PermissionHint(string permission)
    {
        var (scope, access) = (permission.Split(':')[0].Trim(), permission.Split(':')[1].Trim());
        var fineGrained = access == "write" ? "Read and write" : "Read-only";
        return $"the token needs '{permission}': in the workflow add 'permissions: {scope}: {access}', " +
               $"or give a fine-grained token the {char.ToUpperInvariant(scope[0])}{scope[1..]} repository permission ({fineGrained})";
    }

    private static string Hint(GitHubCall call, ApiException api) => api switch
    {
        RateLimitExceededException limit => $"the API rate limit is used up until {limit.Reset:u}; wait, or use a token with a higher limit",
        SecondaryRateLimitExceededException => "GitHub's secondary rate limit stopped the call; wait a minute and try again",
        _ => api.StatusCode switch
        {
            HttpStatusCode.Unauthorized => "the token was refused (expired, revoked, or not a GitHub token?): check KTRDR_GITHUB_TOKEN or GITHUB_TOKEN",
            HttpStatusCode.Forbidden => PermissionHint(call.Permission),
            HttpStatusCode.NotFound => call.NotFoundHint + ", or " + PermissionHint(call.Permission),
            HttpStatusCode.UnprocessableEntity or HttpStatusCode.Conflict => call.InvalidHint,
            >= HttpStatusCode.InternalServerError => "GitHub had a problem of its own; try again, or check githubstatus.com",
            _ => "see GitHub's message",
        },
    };

    private static string Quoted(ApiException api)
    {
        var message = api.ApiError?.Message ?? (api.Message != api.GetType().FullName ? api.Message : null);
        var details = api.ApiError?.Errors?.Select(e => e.Message ?? $"{e.Resource}.{e.Field}: {e.Code}").Where(d => !string.IsNullOrWhiteSpace(d)) ?? [];
        var all = new[] { message }.Concat(details).Where(m => !string.IsNullOrWhiteSpace(m)).Select(m => m!.ReplaceLineEndings(" ")).ToList();
        return all.Count == 0 ? "" : $" \"{string.Join("; ", all)}\"";
    }
}
