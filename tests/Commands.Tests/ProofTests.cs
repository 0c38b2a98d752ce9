using Commands.Tests.Support;
using Ktrdr.Deploy.Commands.Layout;

namespace Commands.Tests;

public class ProofTests
{
    // The recorded proofs ran against a tree at /tmp/cmds-shared (see the samples' headers).
    private static readonly Ktrdr.Deploy.Topology.SharedStorage Recorded = Nodes.Storage("/tmp/cmds-shared");

    [Fact]
    public void The_proof_runs_the_image_as_the_containers_run_with_only_the_shared_tree_mounted()
    {
        var proof = SharedLayoutCommands.Proof(Nodes.Storage(), "ghcr.io/kpiteira/ktrdr-backend:sha-1a2b3c4", "abc123");

        Assert.StartsWith(
            "docker run --rm --network none --user 999:999 --group-add 1500 -v '/mnt/ktrdr_data:/mnt/ktrdr_data' " +
            "--entrypoint sh 'ghcr.io/kpiteira/ktrdr-backend:sha-1a2b3c4' -c 'v='\\''abc123'\\''; for d in '\\''/mnt/ktrdr_data/data'\\'' ",
            proof.Script);
        Assert.Contains("f=\"$d/.ktrdr-proof-$v\"", proof.Script);
        Assert.False(proof.Sudo);
    }

    [Theory]
    [InlineData("")]
    [InlineData("ab")]
    [InlineData("abc;rm")]
    public void A_nonce_that_is_not_plain_letters_and_digits_is_refused(string nonce)
    {
        var error = Assert.Throws<ArgumentException>(() => SharedLayoutCommands.Proof(Nodes.Storage(), "img", nonce));

        Assert.Contains("4 to 64 letters or digits", error.Message);
    }

    [Fact]
    public void A_proof_where_every_file_got_the_shared_group_passes()
    {
        var proof = SharedLayoutCommands.ParseProof(Sample.Result("proof-all-ok"), Recorded);

        Assert.True(proof.Passed);
        Assert.Equal(4, proof.Proven.Count);
    }

    [Fact]
    public void A_proof_on_a_damaged_tree_says_what_each_directory_lacks()
    {
        var proof = SharedLayoutCommands.ParseProof(Sample.Result("proof-mixed"), Recorded);

        Assert.Equal(["/tmp/cmds-shared/data"], proof.Proven);
        Assert.Equal(
            [
                "a file created in /tmp/cmds-shared/results gets group 999, not 1500: the directory lacks the setgid bit (mode 2775); run SyncNfsLayout",
                "uid 999 with group 1500 cannot create a file in /tmp/cmds-shared/models: it needs owner 999:1500 and mode 2775; run SyncNfsLayout",
                "uid 999 with group 1500 cannot create a file in /tmp/cmds-shared/db-backups: it needs owner 999:1500 and mode 2775; run SyncNfsLayout",
            ],
            proof.Failures);
    }

    [Fact]
    public void A_proof_container_that_never_started_reports_dockers_error()
    {
        var proof = SharedLayoutCommands.ParseProof(Sample.Result("proof-no-image"), Recorded);

        Assert.Equal(
            "the proof container did not run: docker: Error response from daemon: manifest for 127.0.0.1:5099/kpiteira/absent:1 not found: " +
            "manifest unknown: manifest unknown",
            Assert.Single(proof.Failures));
    }

    [Fact]
    public void A_directory_the_proof_never_reached_is_a_failure()
    {
        var proof = SharedLayoutCommands.ParseProof(Sample.Output("proof|ok|1500|/tmp/cmds-shared/data\n", 137, "Killed\n"), Recorded);

        Assert.Equal(3, proof.Failures.Count);
        Assert.Equal("no proof ran in /tmp/cmds-shared/results: Killed", proof.Failures[0]);
    }
}
