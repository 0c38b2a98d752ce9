using BuildEngine;

namespace Ktrdr.Build;

partial class Build
{
    Target LabUp => _ => _
        .Description("Start the embedded lab: registry and four nodes (core, workers-b, workers-c, gpu) with sshd and dockerd")
        .OnlyWhenStatic(() => IsLab)
        .Executes(() => NotYet(nameof(LabUp), 4));

    Target LabDown => _ => _
        .Description("Remove every container, network, volume and process the lab created, and nothing else")
        .Executes(() => NotYet(nameof(LabDown), 4));
}
