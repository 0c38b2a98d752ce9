using Ktrdr.Deploy.Rollout.Operations;

namespace Rollout.Tests.Operations;

public class OperationRecordsTests
{
    private static readonly DateTimeOffset Since = DateTimeOffset.Parse("2025-03-10T08:05:09Z");

    private static LockHolder Holder() => new("0f1e2d3c4b5a69788796a5b4c3d2e1f0", "alice", "laptop", 4242, "Deploy", "lab", Since);

    private static AuditEntry Entry(string target = "Deploy", string result = "succeeded") => new(
        Since, "alice", "laptop", target, "lab", ["core", "workers-b"], "sha-7c8143b",
        new Dictionary<string, string> { ["KTRDR_IMAGE"] = "registry.ktrdr.lab:5000/ktrdr/ktrdr-backend@sha256:1" }, result, 12.5);

    [Fact]
    public void An_audit_entry_survives_a_line_and_back()
    {
        var entry = Entry();

        var parsed = Assert.Single(OperationJson.Audit(OperationJson.Line(entry)));

        Assert.Equal(entry.Time, parsed.Time);
        Assert.Equal(("alice", "laptop", "Deploy", "lab", "sha-7c8143b", "succeeded", 12.5),
            (parsed.User, parsed.Host, parsed.Target, parsed.Environment, parsed.Tag, parsed.Result, parsed.Seconds));
        Assert.Equal(["core", "workers-b"], parsed.Nodes);
        Assert.Equal(entry.Images, parsed.Images);
    }

    [Fact]
    public void Line_is_one_compact_camel_case_line()
    {
        var line = OperationJson.Line(Entry());

        Assert.DoesNotContain('\n', line);
        Assert.StartsWith("{\"time\":", line);
        Assert.Contains("\"environment\":\"lab\"", line);
        Assert.Contains("\"KTRDR_IMAGE\"", line);
    }

    [Fact]
    public void Audit_reads_every_line_in_order_and_skips_the_ones_it_cannot_read()
    {
        var text = string.Join('\n',
            OperationJson.Line(Entry("Deploy")),
            "garbage {",
            "",
            "{\"time\":",
            "null",
            OperationJson.Line(Entry("Rollback", "failed")),
            "[1,2]",
            OperationJson.Line(Entry("Backup", "cancelled"))) + "\n";

        var entries = OperationJson.Audit(text);

        Assert.Equal(["Deploy/succeeded", "Rollback/failed", "Backup/cancelled"], entries.Select(e => $"{e.Target}/{e.Result}"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("\n\n")]
    [InlineData("not json")]
    public void Audit_of_nothing_is_empty(string? text) => Assert.Empty(OperationJson.Audit(text));

    [Fact]
    public void A_holder_survives_a_line_and_back()
    {
        var holder = Holder();

        Assert.Equal(holder, OperationJson.Holder(OperationJson.Line(holder)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  \n")]
    [InlineData("garbage")]
    [InlineData("{\"id\":")]
    [InlineData("[]")]
    [InlineData("null")]
    public void Holder_of_nothing_or_garbage_is_null(string? text) => Assert.Null(OperationJson.Holder(text));

    [Fact]
    public void A_holder_reads_as_who_where_what_and_since_when()
    {
        Assert.Equal("alice@laptop (pid 4242) running Deploy on lab since 2025-03-10 08:05:09Z", Holder().ToString());
    }
}
