using System.Text.Json;
using Ktrdr.Deploy.Lab.Docker;
using Ktrdr.Deploy.Lab.Planning;
using Ktrdr.Deploy.Lab.Up;
using Ktrdr.Deploy.Lab.Tests.Support;

namespace Ktrdr.Deploy.Lab.Tests.Up;

/// <summary>One docker inspect of the lab's objects, and when it proves the lab is up as the last full LabUp left it.</summary>
public class LabInspectionTests
{
    private static readonly LabPlan Plan = LabSamples.Plan();
    private static readonly IReadOnlyList<ContainerSpec> Wanted = ContainerSpec.For(Plan, new LabImageSet("ktrdr-lab/node:n1", "ktrdr-lab/registry:r1", "ktrdr-lab/dns:d1", "ktrdr-lab/alert-sink:a1"));
    private static readonly Dictionary<string, string> Started = Wanted.ToDictionary(s => s.Name, s => $"2026-12-07T15:56:41.{s.Name.Length}Z");

    private static string Container(ContainerSpec spec, bool running = true, string? startedAt = null, string? image = null) =>
        JsonSerializer.Serialize(new
        {
            Id = "c0ffee", Name = "/" + spec.Name,
            State = new { Running = running, StartedAt = startedAt ?? Started[spec.Name] },
            Config = new { Image = image ?? spec.Image, Labels = new Dictionary<string, string> { [ContainerSpec.SpecLabel] = spec.SpecHash } },
        });

    private static string Output(Func<ContainerSpec, string>? container = null) => string.Join('\n', new[]
    {
        JsonSerializer.Serialize(new { Id = "sha256:base", RepoTags = new[] { "ktrdr-lab/debian:bookworm" } }),
        JsonSerializer.Serialize(new { Name = Plan.Network, IPAM = new { Config = new[] { new { Subnet = Plan.Subnet.ToString() } } } }),
    }.Concat(Plan.Volumes.Select(v => JsonSerializer.Serialize(new { Name = v, Mountpoint = "/var/lib/docker/volumes/" + v })))
     .Concat(Wanted.Select(container ?? (s => Container(s)))));

    [Fact]
    public void A_lab_as_the_last_full_LabUp_left_it_needs_no_other_check()
    {
        var lab = LabInspection.Parse(Output());

        Assert.Equal("sha256:base", lab.BaseImageId);
        Assert.Null(lab.Differs(Plan, Wanted, Started));
    }

    [Fact]
    public void A_restarted_stopped_or_changed_container_or_no_record_sends_LabUp_through_every_check()
    {
        var core = Plan.Node("core").Container;
        Assert.Contains("(re)started", LabInspection.Parse(Output(s => Container(s, startedAt: s.Name == core ? "2026-12-07T16:20:00Z" : null))).Differs(Plan, Wanted, Started));
        Assert.Contains("not running", LabInspection.Parse(Output(s => Container(s, running: s.Name != core))).Differs(Plan, Wanted, Started));
        Assert.Contains("other settings", LabInspection.Parse(Output(s => Container(s, image: s.Name == core ? "ktrdr-lab/node:old" : null))).Differs(Plan, Wanted, Started));
        Assert.Contains("missing", LabInspection.Parse(Output(s => s.Name == core ? "" : Container(s))).Differs(Plan, Wanted, Started));
        Assert.NotNull(LabInspection.Parse(Output()).Differs(Plan, Wanted, started: null));
    }
}
