using Ktrdr.Deploy.Lab.Secrets;
using Ktrdr.Deploy.Topology;

namespace Ktrdr.Deploy.Lab.Planning;

/// <summary>
/// The lab's stand-in for the homelab's alert receiver: a webhook sink on the lab network at the name, port and path of
/// the topology's <c>alerting.receiver.url</c>, checking the bearer token against the receiver's secret file.
/// </summary>
internal sealed record LabAlertSink(string DnsName, int Port, string UrlPath, string SecretFile)
{
    /// <summary>Where the container sees the secret file (a read-only bind mount: no copy is made).</summary>
    public const string SecretMount = "/run/alert-sink/secret";

    /// <summary>The sink for a lab topology whose receiver is a webhook; null when it has none (or another kind).</summary>
    public static LabAlertSink? For(EnvironmentTopology topology, LabPaths paths)
    {
        if (topology.Alerting is not { ReceiverType: AlertReceiverType.Webhook, ReceiverUrl: { } url } alerting) return null;
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttp)
            throw new LabException($"{topology.SourceFile}: alerting.receiver.url: the lab runs the webhook receiver itself, so expected " +
                                   $"http://<name>:<port>/<path> (e.g. http://alert-sink.{topology.Domain}:9095/alerts), found \"{url}\"");
        if (!uri.Host.EndsWith("." + topology.Domain, StringComparison.OrdinalIgnoreCase))
            throw new LabException($"{topology.SourceFile}: alerting.receiver.url: expected a name ending in .{topology.Domain} (e.g. alert-sink.{topology.Domain}), " +
                                   $"found \"{uri.Host}\": Alertmanager runs inside the core node, whose Docker DNS does not forward a single-label name " +
                                   "and knows no other domain than the lab's");
        var secret = topology.Secrets.TryGetValue(alerting.ReceiverSecret, out var s) ? s
            : throw new LabException($"{topology.SourceFile}: alerting.receiver.secret names {alerting.ReceiverSecret}, which is not under secrets:");
        return new LabAlertSink(uri.Host, uri.Port, uri.AbsolutePath, LabSecrets.Locate(paths, secret));
    }
}
