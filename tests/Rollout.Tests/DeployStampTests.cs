using Ktrdr.Deploy.Rollout.Deploy;

namespace Rollout.Tests;

public class DeployStampTests
{
    private const string Hash = "3f2a9c01d4e5f60718293a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d";

    private static DeployStamp Stamp(params string[] services) => new(
        Hash,
        new Dictionary<string, string> { ["KTRDR_IMAGE"] = "img@sha256:1", ["DB_IMAGE"] = "db@sha256:2" },
        services);

    [Fact]
    public void ToJson_and_Parse_round_trip()
    {
        var stamp = Stamp("db", "backend");

        var parsed = DeployStamp.Parse(stamp.ToJson());

        Assert.NotNull(parsed);
        Assert.Equal(Hash, parsed.BundleHash);
        Assert.Equal(stamp.Images.OrderBy(i => i.Key, StringComparer.Ordinal), parsed.Images.OrderBy(i => i.Key, StringComparer.Ordinal));
        Assert.Equal(["backend", "db"], parsed.Services);
        Assert.True(parsed.SameTarget(stamp));
    }

    [Fact]
    public void ToJson_is_sorted_so_order_does_not_change_the_file()
    {
        var forward = new DeployStamp(Hash, new Dictionary<string, string> { ["A_IMAGE"] = "a", ["B_IMAGE"] = "b" }, ["x", "y"]);
        var backward = new DeployStamp(Hash, new Dictionary<string, string> { ["B_IMAGE"] = "b", ["A_IMAGE"] = "a" }, ["y", "x"]);

        var json = backward.ToJson();

        Assert.Equal(forward.ToJson(), json);
        Assert.True(json.IndexOf("A_IMAGE", StringComparison.Ordinal) < json.IndexOf("B_IMAGE", StringComparison.Ordinal));
        Assert.True(json.IndexOf("\"x\"", StringComparison.Ordinal) < json.IndexOf("\"y\"", StringComparison.Ordinal));
    }

    [Fact]
    public void ToJson_uses_camel_case_fields_keeps_variable_names_and_ends_with_a_newline()
    {
        var json = Stamp("backend").ToJson();

        Assert.Contains("\"bundleHash\"", json);
        Assert.Contains("\"images\"", json);
        Assert.Contains("\"services\"", json);
        Assert.Contains("\"KTRDR_IMAGE\"", json);
        Assert.EndsWith("\n", json);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  \n")]
    [InlineData("not json at all")]
    [InlineData("null")]
    [InlineData("[]")]
    [InlineData("{}")]
    [InlineData("{\"bundleHash\":\"abc\"}")]
    [InlineData("{\"images\":{\"KTRDR_IMAGE\":\"x\"}}")]
    [InlineData("{\"bundleHash\":5,\"images\":{}}")]
    [InlineData("{\"bundleHash\":\"abc\",\"images\":{\"KTRDR_IMAGE\":7}}")]
    [InlineData("{\"bundleHash\":\"abc\",\"images\":")]
    public void Parse_of_nothing_or_of_an_unreadable_stamp_is_null(string? text) =>
        Assert.Null(DeployStamp.Parse(text));

    [Fact]
    public void Parse_without_services_gives_an_empty_list()
    {
        var parsed = DeployStamp.Parse("{\"bundleHash\":\"abc\",\"images\":{\"KTRDR_IMAGE\":\"x\"}}");

        Assert.NotNull(parsed);
        Assert.Empty(parsed.Services);
        Assert.Equal("x", parsed.Images["KTRDR_IMAGE"]);
    }

    [Fact]
    public void SameTarget_ignores_the_services()
    {
        Assert.True(Stamp("backend", "db").SameTarget(Stamp()));
        Assert.True(Stamp().SameTarget(Stamp("worker")));
    }

    [Fact]
    public void SameTarget_compares_the_bundle_hash_and_every_image()
    {
        var stamp = Stamp();
        var otherHash = stamp with { BundleHash = "0" + Hash[1..] };
        var otherValue = stamp with { Images = new Dictionary<string, string> { ["KTRDR_IMAGE"] = "img@sha256:9", ["DB_IMAGE"] = "db@sha256:2" } };
        var extra = stamp with { Images = new Dictionary<string, string>(stamp.Images) { ["PROMETHEUS_IMAGE"] = "p" } };
        var renamed = stamp with { Images = new Dictionary<string, string> { ["KTRDR_IMAGE"] = "img@sha256:1", ["OTHER_IMAGE"] = "db@sha256:2" } };

        Assert.False(stamp.SameTarget(otherHash));
        Assert.False(stamp.SameTarget(otherValue));
        Assert.False(stamp.SameTarget(extra));
        Assert.False(extra.SameTarget(stamp));
        Assert.False(stamp.SameTarget(renamed));
    }
}
