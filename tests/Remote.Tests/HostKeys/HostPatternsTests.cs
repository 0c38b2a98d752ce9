using Ktrdr.Deploy.Remote.HostKeys;

namespace Ktrdr.Deploy.Remote.Tests.HostKeys;

public sealed class HostPatternsTests
{
    [Theory]
    [InlineData("node1", 22, "node1")]
    [InlineData("Node1.Example", 22, "node1.example")]
    [InlineData("10.0.0.5", 2222, "[10.0.0.5]:2222")]
    public void Lookup_name_is_plain_on_port_22_and_bracketed_elsewhere(string host, int port, string expected) =>
        Assert.Equal(expected, HostPatterns.LookupName(host, port));

    [Theory]
    [InlineData("node1", "node1", true)]
    [InlineData("node1", "node2", false)]
    [InlineData("node2,node1,10.0.0.5", "node1", true)]
    [InlineData("NODE1", "node1", true)]
    [InlineData("*.lab", "workers-b.lab", true)]
    [InlineData("*.lab", "workers-b.home", false)]
    [InlineData("node?", "node7", true)]
    [InlineData("*.lab,!evil.lab", "evil.lab", false)]
    [InlineData("[10.0.0.5]:2222", "[10.0.0.5]:2222", true)]
    [InlineData("10.0.0.5", "[10.0.0.5]:2222", false)]
    [InlineData("[10.0.0.5]:2222", "10.0.0.5", false)]
    [InlineData("n.de", "node", false)]
    public void Plain_lists_match_names_wildcards_and_negations(string field, string lookupName, bool matches) =>
        Assert.Equal(matches, HostPatterns.Parse(field).Matches(lookupName));

    [Theory]
    [InlineData("[127.0.0.1]:2222", true)]
    [InlineData("[127.0.0.1]:2223", false)]
    [InlineData("127.0.0.1", false)]
    public void Hashed_entry_made_by_ssh_keygen_matches_only_its_own_name(string lookupName, bool matches) =>
        Assert.Equal(matches, HostPatterns.Parse(SampleKeys.HashedHost).Matches(lookupName));

    [Theory]
    [InlineData("|1|notbase64!|abc")]
    [InlineData("|2|vX4GGcI/WYU2TF1a01i2KZWusZ0=|+U/3mF0/RKn4E0WVpNlAJDuicME=")]
    [InlineData("|1|vX4GGcI/WYU2TF1a01i2KZWusZ0=")]
    public void Malformed_hashed_entry_has_a_problem_and_matches_nothing(string field)
    {
        var patterns = HostPatterns.Parse(field);
        Assert.Contains("|1|salt|hash", patterns.Problem);
        Assert.False(patterns.Matches("[127.0.0.1]:2222"));
    }
}
