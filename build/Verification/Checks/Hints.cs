using Ktrdr.Deploy.Verification.Http;

namespace Ktrdr.Deploy.Verification.Checks;

/// <summary>What to do when a service did not answer as the contract says, worded once for every check.</summary>
internal static class Hints
{
    public static string ForAnswer(HttpAnswer answer, string service) => answer switch
    {
        { Error: not null } =>
            $"is {service} running with port {answer.Url.Port} published on {answer.Url.Host}? (docker compose ps on that node; " +
            $"{answer.Url.Host} must resolve from here, or be in the lab's host map)",
        { Status: 401 or 403 } => $"{service} refused the request ({answer.Status}): Verify needs its login",
        { Status: not 200 } => $"{service} answered {answer.Status}: is something else listening on port {answer.Url.Port}, or is the URL wrong?",
        _ => $"{service} answered, but not in the shape the contract describes (shared/ktrdr-contract.md): is it the expected version?",
    };

    /// <summary>The host:port a check talks to, for the report's target column.</summary>
    public static string HostPort(Uri url) => url.Authority;
}
