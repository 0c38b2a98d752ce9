using Ktrdr.Deploy.Remote.HostKeys;
using static Ktrdr.Deploy.Remote.Tests.HostKeys.SampleKeys;

namespace Ktrdr.Deploy.Remote.Tests.HostKeys;

public sealed class KnownHostsTests
{
    private static KnownHosts Parse(params string[] lines) => KnownHosts.Parse(string.Join('\n', lines), "/home/op/.ssh/known_hosts");

    [Theory]
    [InlineData("node1 ssh-ed25519 " + Ed25519, "node1", 22)]
    [InlineData("[node1]:2222 ssh-ed25519 " + Ed25519, "node1", 2222)]
    [InlineData("other,node1,10.0.0.5 ssh-ed25519 " + Ed25519 + " comment here", "10.0.0.5", 22)]
    [InlineData(HashedHost + " ssh-ed25519 " + Ed25519, "127.0.0.1", 2222)]
    [InlineData("*.lab ssh-ed25519 " + Ed25519, "workers-b.lab", 22)]
    public void Recorded_key_is_trusted_in_every_host_form(string line, string host, int port) =>
        Assert.Equal(HostKeyStatus.Trusted, Parse("# my hosts", "", line).Verify(host, port, Blob(Ed25519)).Status);

    [Theory]
    [InlineData("node1 ssh-ed25519 " + Ed25519, "node2", 22)]
    [InlineData("node1 ssh-ed25519 " + Ed25519, "node1", 2222)]
    [InlineData("[node1]:2222 ssh-ed25519 " + Ed25519, "node1", 22)]
    [InlineData("node1 ssh-rsa " + Rsa, "node1", 22)]
    public void Host_without_a_key_of_that_type_is_unknown(string line, string host, int port) =>
        Assert.Equal(HostKeyStatus.Unknown, Parse(line).Verify(host, port, Blob(Ed25519)).Status);

    [Fact]
    public void Different_key_of_the_same_type_is_changed_and_names_the_expected_line()
    {
        var verdict = Parse("node1 ssh-rsa " + Rsa, "node1 ssh-ed25519 " + OtherEd25519).Verify("node1", 22, Blob(Ed25519));

        Assert.Equal(HostKeyStatus.Changed, verdict.Status);
        Assert.Equal(2, verdict.Expected!.Line);
        Assert.Equal(OtherEd25519Fingerprint, verdict.Expected.Fingerprint);
    }

    [Fact]
    public void Any_matching_line_vouches_for_the_key_even_after_a_stale_one() =>
        Assert.Equal(
            HostKeyStatus.Trusted,
            Parse("node1 ssh-ed25519 " + OtherEd25519, "node1 ssh-ed25519 " + Ed25519).Verify("node1", 22, Blob(Ed25519)).Status);

    [Fact]
    public void Key_types_known_for_a_host_are_listed()
    {
        var knownHosts = Parse("node1 ssh-ed25519 " + Ed25519, "node1 ssh-rsa " + Rsa, "node2 ssh-ed25519 " + OtherEd25519);

        Assert.Equal(["ssh-ed25519", "ssh-rsa"], knownHosts.KeyTypesFor("node1", 22).Order());
        Assert.Empty(knownHosts.KeyTypesFor("node3", 22));
    }

    [Theory]
    [InlineData("@cert-authority *.lab ssh-ed25519 " + Ed25519, "line 1: @cert-authority lines are not supported; skipped")]
    [InlineData("@revoked node1 ssh-ed25519 " + Ed25519, "line 1: @revoked lines are not supported; skipped")]
    [InlineData("node1 ssh-ed25519", "line 1: expected 'hosts key-type base64-key', found 2 field(s); skipped")]
    [InlineData("node1 ssh-ed25519 not*base64", "line 1: the key of type ssh-ed25519 is not valid base64; skipped")]
    [InlineData("node1 ssh-rsa " + Ed25519, "line 1: the key says it is 'ssh-ed25519' but the line says 'ssh-rsa'; skipped")]
    [InlineData("|1|bad node1 ssh-ed25519 " + Ed25519, "line 1: a hashed host must look like |1|salt|hash (both base64); skipped")]
    public void Unusable_lines_are_skipped_with_a_note_naming_the_line(string line, string note)
    {
        var knownHosts = Parse(line);

        Assert.Empty(knownHosts.Entries);
        Assert.Equal([note], knownHosts.Notes);
    }

    [Fact]
    public void Windows_line_endings_blank_lines_and_comments_are_fine()
    {
        var knownHosts = KnownHosts.Parse($"# comment\r\n\r\nnode1 ssh-ed25519 {Ed25519}\r\n", "f");

        Assert.Empty(knownHosts.Notes);
        Assert.Equal(3, Assert.Single(knownHosts.Entries).Line);
    }

    [Fact]
    public void Missing_file_says_how_to_create_it()
    {
        var path = Path.Combine(Path.GetTempPath(), $"no-such-dir-{Guid.NewGuid():N}", "known_hosts");

        var error = Assert.Throws<RemoteException>(() => KnownHosts.Load(path));

        Assert.Contains(path, error.Message);
        Assert.Contains("ssh-keyscan -p PORT HOST >> FILE", error.Message);
    }

    [Theory]
    [InlineData(new[] { "ssh-ed25519" }, new[] { "ecdsa-sha2-nistp256", "rsa-sha2-512", "ssh-rsa", "ssh-ed25519-cert-v01@openssh.com" })]
    [InlineData(new[] { "ssh-rsa" }, new[] { "ssh-ed25519", "ecdsa-sha2-nistp256", "ssh-ed25519-cert-v01@openssh.com" })]
    [InlineData(new string[0], new[] { "ssh-ed25519-cert-v01@openssh.com" })]
    public void Host_key_algorithms_are_narrowed_to_the_known_key_types(string[] known, string[] removed)
    {
        string[] offered = ["ssh-ed25519", "ecdsa-sha2-nistp256", "rsa-sha2-512", "ssh-rsa", "ssh-ed25519-cert-v01@openssh.com"];

        Assert.Equal(removed, HostKeyAlgorithmFilter.AlgorithmsToRemove(offered, known.ToHashSet()));
    }
}
