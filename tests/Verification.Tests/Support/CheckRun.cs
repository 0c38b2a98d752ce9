using Ktrdr.Deploy.Verification;
using Ktrdr.Deploy.Verification.Checks;
using Ktrdr.Deploy.Verification.Http;

namespace Verification.Tests.Support;

/// <summary>Runs one check once, as a round of the runner would (no host map, 5 s per request).</summary>
internal static class CheckRun
{
    public static async Task<IReadOnlyList<CheckOutcome>> AllAsync(IVerifyCheck check)
    {
        using var http = new VerifyHttp(new Dictionary<string, string>(), TimeSpan.FromSeconds(5));
        return await check.RunAsync(http, CancellationToken.None);
    }

    public static async Task<CheckOutcome> SingleAsync(IVerifyCheck check) => Assert.Single(await AllAsync(check));
}
