using Ktrdr.Deploy.Topology.Reading;
using Ktrdr.Deploy.Topology.Text;

namespace Ktrdr.Deploy.Topology.Checks;

/// <summary>
/// alerting: the receiver's secret is declared (a receiver without its secret reaches nobody), a webhook names its URL,
/// and the repeat interval does not page someone every few seconds.
/// </summary>
internal static class AlertingChecks
{
    /// <summary>The shortest repeat interval accepted: a firing alert is re-sent at most once an hour.</summary>
    public static readonly TimeSpan MinimumRepeat = TimeSpan.FromHours(1);

    public static void Run(EnvironmentTopology topology, ReadContext context)
    {
        if (topology.Alerting is not { } alerting) return;
        var secret = alerting.ReceiverSecret;
        if (secret.Length > 0 && !context.Failed("alerting.receiver.secret") && !topology.Secrets.ContainsKey(secret))
            context.Report("alerting.receiver.secret", $"expected the name of a secret declared under secrets, found \"{secret}\"",
                DidYouMean.Hint(secret, topology.Secrets.Keys.ToList(), "declared secrets") +
                $"; declare `{secret}:` under secrets (op://, env: or file:) — Alertmanager gets it as a file in memory, never on disk");
        if (alerting.ReceiverType == AlertReceiverType.Webhook && alerting.ReceiverUrl is null && !context.Failed("alerting.receiver.type"))
            context.Report("alerting.receiver", "expected `url:` for a webhook receiver, found none",
                "add the URL Alertmanager posts to (its bearer token is the secret)");
        if (alerting.ReceiverType == AlertReceiverType.Slack && alerting.ReceiverUrl is not null)
            context.Report("alerting.receiver.url", "expected no `url:` for a Slack receiver: Slack's webhook URL is itself the secret",
                "remove `url:` and put the webhook URL in the secret the receiver names");
        if (alerting.RepeatInterval < MinimumRepeat && !context.Failed("alerting.repeat_interval"))
            context.Report("alerting.repeat_interval", $"expected at least {MinimumRepeat.TotalHours:0}h, found {alerting.RepeatInterval.TotalSeconds:0}s",
                "a firing alert is sent again after this long; shorter pages someone over and over for the same problem (4h is usual)");
    }
}
