using Ktrdr.Deploy.Rendering.Swarm;
using YamlDotNet.RepresentationModel;

namespace Rendering.Tests.Swarm;

/// <summary>The stack file's writer: a value reads back as exactly the text it was, whatever it holds.</summary>
public class StackYamlTests
{
    [Theory]
    [InlineData("ktrdr")]
    [InlineData("yes")]
    [InlineData("No")]
    [InlineData("null")]
    [InlineData("~")]
    [InlineData("0400")]
    [InlineData("5432")]
    [InlineData("1e3")]
    [InlineData(".5")]
    [InlineData("")]
    [InlineData("a: b")]
    [InlineData("x # not a comment")]
    [InlineData("- item")]
    [InlineData("{ json: 1 }")]
    [InlineData("line one\nline two")]
    [InlineData("tab\there \"quoted\" and 'single' and \\ backslash")]
    [InlineData("$$ESCAPED and ${LEFT}")]
    [InlineData("ünïcødé ✓")]
    public void A_string_reads_back_as_itself(string value)
    {
        var text = StackYaml.Write(new YMap().Set("key", value).Set("list", new List<object> { value }), "# header\n");

        var yaml = new YamlStream();
        yaml.Load(new StringReader(text));
        var root = (YamlMappingNode)yaml.Documents[0].RootNode;
        Assert.Equal(value, ((YamlScalarNode)root["key"]).Value);
        Assert.Equal(value, ((YamlScalarNode)((YamlSequenceNode)root["list"]).Children[0]).Value);
    }

    [Fact]
    public void Numbers_and_booleans_meant_as_such_are_written_plain_and_strings_that_look_like_them_are_quoted()
    {
        var text = StackYaml.Write(new YMap().Set("replicas", Plain.Of(1)).Set("external", new Plain("true")).Set("port", "5432"), "");

        Assert.Equal("replicas: 1\nexternal: true\nport: \"5432\"\n", text);
    }

    [Fact]
    public void The_same_tree_gives_the_same_bytes_and_maps_in_lists_start_on_the_dash_line()
    {
        YMap Tree() => new YMap().Set("ports", new List<object> { new YMap().Set("target", Plain.Of(5003)).Set("mode", "host") }).Set("empty", new YMap());

        Assert.Equal(StackYaml.Write(Tree(), ""), StackYaml.Write(Tree(), ""));
        Assert.Equal("ports:\n  - target: 5003\n    mode: host\nempty: {}\n", StackYaml.Write(Tree(), ""));
    }

    [Fact]
    public void Secret_versions_are_computed_from_fetched_values()
    {
        var versions = SwarmNames.Versions(new Dictionary<string, string> { ["DB_PASSWORD"] = "a", ["JWT_SECRET"] = "b" });

        Assert.Equal(SwarmNames.Version("a"), versions["DB_PASSWORD"]);
        Assert.NotEqual(versions["DB_PASSWORD"], versions["JWT_SECRET"]);
    }
}
