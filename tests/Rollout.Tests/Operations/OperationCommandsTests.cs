using Ktrdr.Deploy.Remote;
using Ktrdr.Deploy.Rollout.Operations;

namespace Rollout.Tests.Operations;

public class OperationCommandsTests
{
    private static readonly DateTimeOffset Since = DateTimeOffset.Parse("2025-03-10T08:05:09Z");

    private static LockHolder Holder(string user = "alice") => new("0f1e2d3c4b5a69788796a5b4c3d2e1f0", user, "laptop", 4242, "Deploy", "lab", Since);

    private static CommandResult Output(string stdout) => new(0, stdout, "", TimeSpan.FromMilliseconds(30));

    [Theory]
    [InlineData("acquired\n")]
    [InlineData("acquired")]
    [InlineData("acquired\r\n")]
    public void Acquired_output_means_taken_with_no_holder(string stdout) =>
        Assert.Equal((true, (LockHolder?)null), OperationCommands.ParseAcquire(Output(stdout)));

    [Fact]
    public void Held_output_gives_the_holder_that_has_the_lock()
    {
        var (acquired, holder) = OperationCommands.ParseAcquire(Output("held\n" + OperationJson.Line(Holder("bob")) + "\n"));

        Assert.False(acquired);
        Assert.NotNull(holder);
        Assert.Equal(Holder("bob"), holder);
    }

    [Theory]
    [InlineData("held\n")]
    [InlineData("held\n\n")]
    [InlineData("held\nnot json\n")]
    [InlineData("")]
    public void Held_with_an_unreadable_holder_is_not_acquired_and_has_no_holder(string stdout) =>
        Assert.Equal((false, (LockHolder?)null), OperationCommands.ParseAcquire(Output(stdout)));

    [Fact]
    public void Acquire_sends_the_holder_on_standard_input_as_root()
    {
        var holder = Holder();

        var command = OperationCommands.Acquire(holder);

        Assert.True(command.Sudo);
        Assert.Equal(OperationJson.Line(holder), command.StandardInput);
        Assert.Equal(holder, OperationJson.Holder(command.StandardInput));
    }

    [Fact]
    public void Acquire_takes_the_lock_with_mkdir_and_reads_its_input_in_both_branches()
    {
        var script = OperationCommands.Acquire(Holder()).Script;

        Assert.Contains($"if mkdir {OperationCommands.LockDirectory} 2>/dev/null", script);
        var taken = script.IndexOf("then ", StringComparison.Ordinal);
        var other = script.IndexOf("else ", StringComparison.Ordinal);
        Assert.True(taken >= 0 && other > taken);
        Assert.Contains($"cat > {OperationCommands.HolderFile}", script[taken..other]);
        Assert.Contains("echo acquired", script[taken..other]);
        Assert.Contains("cat >/dev/null", script[other..]);
        Assert.Contains("echo held", script[other..]);
        Assert.Contains($"cat {OperationCommands.HolderFile}", script[other..]);
    }

    [Fact]
    public void The_holders_details_only_travel_on_standard_input()
    {
        var holder = Holder("zoe-$(reboot)") with { Host = "host'; rm -rf /", Id = "id-9d8c7b6a" };

        var command = OperationCommands.Acquire(holder);

        Assert.DoesNotContain("zoe", command.Script);
        Assert.DoesNotContain("rm -rf /", command.Script);
        Assert.DoesNotContain(holder.Id, command.Script);
        Assert.Contains("zoe-$(reboot)", command.StandardInput);
    }

    [Fact]
    public void Release_removes_the_lock_only_when_the_holder_file_names_this_run()
    {
        var command = OperationCommands.Release("0f1e2d3c4b5a6978");

        Assert.True(command.Sudo);
        Assert.Equal(
            $"if grep -q '0f1e2d3c4b5a6978' {OperationCommands.HolderFile} 2>/dev/null; then rm -rf {OperationCommands.LockDirectory}; fi",
            command.Script);
    }

    [Fact]
    public void Release_quotes_the_id_as_one_word()
    {
        var script = OperationCommands.Release("a'b c").Script;

        Assert.Contains("grep -q 'a'\\''b c' ", script);
    }

    [Fact]
    public void Append_sends_one_line_ending_with_a_newline_to_the_audit_file()
    {
        var entry = new AuditEntry(Since, "alice", "laptop", "Deploy", "lab", ["core"], "sha-7c8143b", new Dictionary<string, string>(), "succeeded", 3);

        var command = OperationCommands.Append(entry);

        Assert.True(command.Sudo);
        Assert.Equal(OperationJson.Line(entry) + "\n", command.StandardInput);
        Assert.Single(command.StandardInput!.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains($"cat >> {OperationCommands.AuditFile}", command.Script);
        Assert.DoesNotContain("alice", command.Script);
    }

    [Theory]
    [InlineData("0f1e2d3c4b5a6978", false)]
    [InlineData("someone-else", true)]
    public void Append_and_release_appends_in_one_round_trip_and_releases_only_this_holders_lock(string heldBy, bool lockStays)
    {
        var scratch = Directory.CreateTempSubdirectory("ktrdr-audit-").FullName;
        try
        {
            var entry = new AuditEntry(Since, "alice", "laptop", "DeployCore", "lab", ["core"], "sha-7c8143b", new Dictionary<string, string>(), "succeeded", 1);
            var command = OperationCommands.AppendAndRelease(entry, "0f1e2d3c4b5a6978");
            var script = command.Script.Replace(OperationCommands.Directory, scratch, StringComparison.Ordinal);
            Directory.CreateDirectory(Path.Combine(scratch, "lock"));
            File.WriteAllText(Path.Combine(scratch, "lock", "holder.json"), $"{{\"id\":\"{heldBy}\"}}");

            var shell = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("sh", ["-c", script]) { RedirectStandardInput = true })!;
            shell.StandardInput.Write(command.StandardInput);
            shell.StandardInput.Close();
            shell.WaitForExit();

            Assert.Equal(0, shell.ExitCode);
            Assert.True(command.Sudo);
            Assert.Equal([OperationJson.Line(entry)], File.ReadAllLines(Path.Combine(scratch, "audit.jsonl")));
            Assert.Equal(lockStays, Directory.Exists(Path.Combine(scratch, "lock")));
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }
    }

    [Fact]
    public void Reading_the_lock_and_the_audit_never_fails_when_the_files_are_missing()
    {
        Assert.EndsWith("; true", OperationCommands.ReadHolder().Script);
        Assert.EndsWith("; true", OperationCommands.ReadAudit().Script);
        Assert.Contains(OperationCommands.HolderFile, OperationCommands.ReadHolder().Script);
        Assert.Contains(OperationCommands.AuditFile, OperationCommands.ReadAudit().Script);
    }
}
