using Ktrdr.Deploy.Verification;
using Ktrdr.Deploy.Verification.Checks;
using Verification.Tests.Support;

namespace Verification.Tests;

/// <summary>The Jaeger check against the query service's real /api/services answers (TestData/README.md), served on loopback.</summary>
public class JaegerContractTests
{
    private static async Task<CheckOutcome> ServicesAsync(string recorded)
    {
        using var jaeger = new StubServer(new Dictionary<string, StubAnswer> { ["/api/services"] = new(recorded) });
        return await CheckRun.SingleAsync(new JaegerServicesCheck(new JaegerPlan(jaeger.BaseAddress)));
    }

    [Fact]
    public async Task Traces_from_the_backend_pass()
    {
        var outcome = await ServicesAsync("jaeger-services.json");

        Assert.Equal(new CheckOutcome("ktrdr-api", CheckResult.Passed, "traces received (2 services: jaeger-all-in-one, ktrdr-api)"), outcome);
    }

    [Fact]
    public async Task A_Jaeger_that_only_knows_itself_fails_with_the_otlp_hint()
    {
        var outcome = await ServicesAsync("jaeger-services-no-ktrdr.json");

        Assert.Equal(CheckResult.Failed, outcome.Result);
        Assert.Equal("no traces from ktrdr-api (services: jaeger-all-in-one)", outcome.Detail);
        Assert.Contains("OTLP_ENDPOINT", outcome.Hint);
    }

    [Fact]
    public async Task A_Jaeger_without_any_service_answers_null_data_and_fails()
    {
        var outcome = await ServicesAsync("jaeger-services-empty.json");

        Assert.Equal(CheckResult.Failed, outcome.Result);
        Assert.Equal("no traces from ktrdr-api (services: none)", outcome.Detail);
    }
}
