using System.Text.Json.Nodes;
using Ktrdr.Deploy.Rendering.Prometheus;
using Ktrdr.Deploy.Topology;
using Standin.Tests.Support;
using TestSupport;
using Verification.Tests.Support;

namespace Verification.Tests;

/// <summary>
/// An alert reaches someone, with real parts on this machine: Prometheus (2.42) evaluating the shipped targets rule with the
/// lab's short for:, Alertmanager (0.25, the lab's) with the generated alertmanager.yml, and a webhook receiver whose log is
/// the only thing asserted. The lab end to end (a stopped worker container, the lab's alert-sink) is Build.Tests' RolloutTests.A5b.
/// </summary>
public class AlertDeliveryTests
{
    [Fact]
    public async Task A_slot_that_stops_answering_reaches_the_webhook_with_its_node_and_slot_and_the_bearer_token_then_resolves()
    {
        using var target = new SwitchableTarget();
        using var sink = new WebhookSink();
        const string token = "token-of-the-alert-delivery-test";
        var alerting = new AlertingSpec
        {
            ReceiverType = AlertReceiverType.Webhook, ReceiverUrl = sink.Url.ToString(), ReceiverSecret = "ALERT_RECEIVER_SECRET",
            GroupWait = TimeSpan.FromSeconds(1), GroupInterval = TimeSpan.FromSeconds(1), RepeatInterval = TimeSpan.FromHours(1),
        };
        await using var alertmanager = await PrivateAlertmanager.StartAsync(dir =>
        {
            // the container writes the secret to its tmpfs; here a file of the test's own folder stands in for it
            File.WriteAllText(Path.Combine(dir, "receiver-secret"), token);
            return AlertmanagerConfig.Render(alerting).Replace(AlertmanagerConfig.SecretFile, Path.Combine(dir, "receiver-secret"));
        });
        var rules = RuleForCap.Apply(File.ReadAllText(Path.Combine(RepoFiles.Root, "deploy/shared/prometheus/rules/targets.yml")), TimeSpan.FromSeconds(2));
        var job = new TestScrapeJob("ktrdr-workers-b", [target.Address])
        {
            Labels = new Dictionary<string, string> { ["node"] = "workers-b", ["slot"] = "backtest-worker-1", ["worker_type"] = "backtesting" },
        };
        await using var prometheus = await PrivatePrometheus.StartAsync([job], rules, alertmanager.Address);

        await Eventually.TrueAsync(async () => await Up(prometheus) == "1", "the target to be scraped up");
        target.Up = false;
        var firing = await Notification(sink, "firing", alertmanager, prometheus);
        target.Up = true;
        var resolved = await Notification(sink, "resolved", alertmanager, prometheus);

        foreach (var (authorization, body) in new[] { firing, resolved })
        {
            Assert.Equal($"Bearer {token}", authorization);
            var labels = JsonNode.Parse(body)!["alerts"]![0]!["labels"]!;
            Assert.Equal(("KtrdrTargetDown", "workers-b", "backtest-worker-1"),
                (labels["alertname"]!.GetValue<string>(), labels["node"]!.GetValue<string>(), labels["slot"]!.GetValue<string>()));
        }
        Assert.StartsWith("backtest-worker-1 on workers-b is not answering", JsonNode.Parse(firing.Body)!["alerts"]![0]!["annotations"]!["summary"]!.GetValue<string>());
    }

    private static async Task<string?> Up(PrivatePrometheus prometheus)
    {
        using var client = new HttpClient();
        var json = JsonNode.Parse(await client.GetStringAsync(new Uri(prometheus.BaseAddress, "/api/v1/query?query=up")))!;
        return json["data"]!["result"]!.AsArray().FirstOrDefault()?["value"]![1]!.GetValue<string>();
    }

    /// <summary>The first notification the sink received with this status (Alertmanager's "firing" or "resolved").</summary>
    private static async Task<(string? Authorization, string Body)> Notification(WebhookSink sink, string status, PrivateAlertmanager alertmanager, PrivatePrometheus prometheus)
    {
        try
        {
            return await Eventually.ValueAsync(() => Task.FromResult(sink.Received.FirstOrDefault(r => JsonNode.Parse(r.Body)!["status"]!.GetValue<string>() == status)),
                r => r.Body is not null, $"a {status} notification at the webhook", TimeSpan.FromSeconds(60));
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"{e.Message}\nreceived: {string.Join("\n", sink.Received.Select(r => r.Body))}\nalertmanager: {alertmanager.Log}\nprometheus: {prometheus.Log}");
        }
    }
}
