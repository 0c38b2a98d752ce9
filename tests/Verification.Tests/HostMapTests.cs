using Ktrdr.Deploy.Verification.Http;
using Standin.Tests.Support;

namespace Verification.Tests;

/// <summary>Names the lab's nodes have are reached through the host map, without touching /etc/hosts.</summary>
public class HostMapTests
{
    [Fact]
    public async Task A_mapped_name_connects_to_its_address_and_keeps_the_name_in_the_request()
    {
        await using var backend = await Standins.BackendAsync();
        using var http = new VerifyHttp(new Dictionary<string, string> { ["Backend.KTRDR.lab"] = "127.0.0.1" }, TimeSpan.FromSeconds(5));

        var answer = await http.GetAsync(new Uri($"http://backend.ktrdr.lab:{backend.BaseAddress.Port}/api/v1/health"), CancellationToken.None);

        Assert.Equal(200, answer.Status);
        Assert.Contains("\"status\":\"ok\"", answer.Body);
    }

    [Fact]
    public async Task A_port_nobody_listens_on_is_described_as_refused()
    {
        var port = FreePort.Next();
        using var http = new VerifyHttp(new Dictionary<string, string> { ["workers-b.ktrdr.lab"] = "127.0.0.1" }, TimeSpan.FromSeconds(5));

        var answer = await http.GetAsync(new Uri($"http://workers-b.ktrdr.lab:{port}/health"), CancellationToken.None);

        Assert.Null(answer.Status);
        Assert.Equal($"connection refused on workers-b.ktrdr.lab:{port} (nothing listens there)", answer.Error);
    }

    [Fact]
    public void Unmapped_names_are_left_to_DNS()
    {
        var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["core.ktrdr.lab"] = "10.89.0.2" };

        Assert.Equal(("10.89.0.2", "ghcr.io"), (HostMapConnector.Resolve(map, "CORE.ktrdr.lab"), HostMapConnector.Resolve(map, "ghcr.io")));
    }
}
