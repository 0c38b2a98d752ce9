using Ktrdr.Deploy.Rendering.Prometheus;
using Ktrdr.Deploy.Topology;

namespace Ktrdr.Deploy.Rendering.Checks;

/// <summary><c>amtool check-config</c> on the generated alertmanager.yml of the core bundle (amtool comes with Alertmanager).</summary>
internal sealed class AlertmanagerConfigCheck : IRenderCheck
{
    public string Name => "amtool check-config";

    public IEnumerable<Diagnostic> Run(RenderContext ctx) =>
        ToolCheck.GeneratedFile(ctx, AlertmanagerConfig.BundlePath, "amtool", ["check-config"], "prometheus-alertmanager",
            "the config is generated from the topology's alerting: section: fix the receiver or interval it names");
}
