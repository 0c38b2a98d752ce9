using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Build.Tests.Rollout;

/// <summary>
/// Issue #18's proof on the rolled-out lab: a stopped worker container pages the lab's alert receiver (the alert-sink
/// container on the lab network, outside the core as the homelab's receiver is) through Prometheus and Alertmanager on
/// core, with its node and slot and the receiver's bearer token; started again, the resolved notification arrives.
/// Asserted only from what the receiver logged, never from Prometheus' or Alertmanager's own state.
/// </summary>
public sealed partial class RolloutTests
{
    private string AlertSinkContainer => $"ktrdr-lab-{lab.Id}-alert-sink";

    [Fact]
    public async Task A5b_A_stopped_worker_pages_the_labs_receiver_with_its_node_and_slot_and_starting_it_again_sends_the_resolved_notification()
    {
        const string node = "workers-b", slot = "backtest-worker-1";
        await using var worker = await lab.ConnectAsync(node);
        var container = (await RolloutLab.RequireAsync(worker, $"docker ps -q --filter label=com.docker.compose.service={slot}")).Trim();
        Assert.NotEmpty(container);

        var stoppedAt = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        await RolloutLab.RequireAsync(worker, $"docker stop --time 1 {container}");
        var firing = await ReceivedAsync(a => a.Status == "firing" && a.StartsAt >= stoppedAt.AddSeconds(-1), node, slot, TimeSpan.FromMinutes(3));
        var fireLatency = clock.Elapsed;

        clock.Restart();
        await RolloutLab.RequireAsync(worker, $"docker start {container}");
        var resolved = await ReceivedAsync(a => a.Status == "resolved" && a.StartsAt == firing.StartsAt, node, slot, TimeSpan.FromMinutes(3));
        var resolveLatency = clock.Elapsed;
        output.WriteLine($"alert delivery: firing at the receiver {fireLatency.TotalSeconds:0.0} s after the stop, resolved {resolveLatency.TotalSeconds:0.0} s after the start");

        foreach (var notification in new[] { firing, resolved })
        {
            Assert.Equal("ok", notification.Authorization);   // the receiver's secret, as the bearer token: checked by the sink, never logged
            Assert.Equal(("KtrdrTargetDown", node, slot, "backtesting"),
                (notification.Labels["alertname"], notification.Labels["node"], notification.Labels["slot"], notification.Labels["worker_type"]));
        }
    }

    /// <summary>One alert of one notification, as the lab's receiver logged it.</summary>
    private sealed record ReceivedAlert(string Status, string Authorization, IReadOnlyDictionary<string, string> Labels, DateTimeOffset StartsAt);

    /// <summary>Waits until the receiver's log (docker logs of the alert-sink container) holds an alert for this node and slot that <paramref name="wanted"/> accepts.</summary>
    private async Task<ReceivedAlert> ReceivedAsync(Func<ReceivedAlert, bool> wanted, string node, string slot, TimeSpan timeout)
    {
        bool Matches(ReceivedAlert a) => a.Labels.GetValueOrDefault("node") == node && a.Labels.GetValueOrDefault("slot") == slot && wanted(a);
        var alerts = await Eventually(ReceiverLogAsync, all => all.Any(Matches), timeout);
        return alerts.FirstOrDefault(Matches)
               ?? throw new Xunit.Sdk.XunitException($"no such notification for {slot} on {node} within {timeout.TotalSeconds:0} s; the receiver logged:\n" +
                                                     await lab.DockerAsync(null, "logs", AlertSinkContainer));
    }

    private async Task<IReadOnlyList<ReceivedAlert>> ReceiverLogAsync()
    {
        var lines = (await lab.DockerAsync(null, "logs", AlertSinkContainer)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        return [.. from line in lines
                   let json = JsonNode.Parse(line)!.AsObject()
                   where json.ContainsKey("alerts")
                   from alert in json["alerts"]!.AsArray()
                   select new ReceivedAlert(alert!["status"]!.GetValue<string>(), json["authorization"]!.GetValue<string>(),
                       alert["labels"]!.AsObject().ToDictionary(l => l.Key, l => l.Value!.GetValue<string>()),
                       DateTimeOffset.Parse(alert["startsAt"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture))];
    }
}
