using Commands.Tests.Support;
using Ktrdr.Deploy.Commands.Layout;
using Ktrdr.Deploy.Remote;
using Ktrdr.Deploy.Remote.Local;
using Ktrdr.Deploy.Topology;
using static Ktrdr.Deploy.Remote.Execution.ShellQuote;

namespace Commands.Tests;

/// <summary>
/// Inspect and Apply run for real with <c>sh -c</c> (through the Remote layer's local executor) on scratch trees, as root:
/// planning twice proves the scripts did exactly what the plan said and that a second run has nothing to do.
/// </summary>
public class LayoutRealTests : IDisposable
{
    private readonly LocalExecutor _executor = new();
    private readonly TempTree _tree = new();
    private readonly SharedStorage _storage;

    public LayoutRealTests()
    {
        // a space and a quote in the shared path prove every interpolated path stays one word
        _storage = Nodes.Storage(_tree.Directory("ktrdr data's"));
    }

    public void Dispose() => _tree.Dispose();

    private string Shared(string relative) => Path.Combine(_storage.Path, relative);

    private async Task<LayoutPlan> PlanAsync() =>
        SharedLayoutCommands.Plan(_storage, SharedLayoutCommands.ParseInspection(await RunAsync(SharedLayoutCommands.Inspect(_storage))));

    private async Task<CommandResult> RunAsync(RemoteCommand command)
    {
        var result = await _executor.RunAsync(command, default);
        Assert.True(result.Succeeded, $"{command.Description} failed: {result.StandardError}");
        return result;
    }

    private async Task<LayoutPlan> ApplyPlanAsync()
    {
        var plan = await PlanAsync();
        Assert.Empty(plan.Problems);
        await RunAsync(SharedLayoutCommands.Apply(_storage, plan.Changes));
        return plan;
    }

    [Fact]
    public async Task A_fresh_tree_is_created_and_the_second_plan_is_empty()
    {
        var first = await ApplyPlanAsync();

        Assert.Equal(4, first.Changes.Count(c => c.Action == LayoutAction.CreateDirectory));
        Assert.True((await PlanAsync()).IsUnchanged);
        foreach (var sub in _storage.Subdirectories)
            Assert.Equal(UnixFileMode.SetGroup, _tree.ModeOf(Shared(sub)) & UnixFileMode.SetGroup);
    }

    [Fact]
    public async Task A_messy_tree_is_corrected_file_by_file()
    {
        _tree.Directory("ktrdr data's/data/raw", "700");
        _tree.File("ktrdr data's/data/raw/EURUSD 1h|v2.csv", "600");
        _tree.Directory("ktrdr data's/results", "775");
        _tree.File("ktrdr data's/results/report.json", "664");

        var first = await ApplyPlanAsync();

        Assert.Contains(first.Changes, c => c.Description == $"chmod file {Shared("data/raw/EURUSD 1h|v2.csv")} from 600 to 664");
        Assert.Contains(first.Changes, c => c.Description == $"chmod directory {Shared("data/raw")} from 700 to 2775");
        Assert.Contains(first.Changes, c => c.Description == $"chown file {Shared("results/report.json")} from 0:0 to 999:1500");
        Assert.True((await PlanAsync()).IsUnchanged);
        Assert.Equal((UnixFileMode)Convert.ToInt32("664", 8), _tree.ModeOf(Shared("data/raw/EURUSD 1h|v2.csv")));
    }

    [Fact]
    public async Task Applying_the_same_changes_twice_is_harmless()
    {
        _tree.File("ktrdr data's/stray.txt", "600"); // not under a subdirectory: not the layout's business
        var plan = await PlanAsync();

        await RunAsync(SharedLayoutCommands.Apply(_storage, plan.Changes));
        await RunAsync(SharedLayoutCommands.Apply(_storage, plan.Changes));

        Assert.True((await PlanAsync()).IsUnchanged);
        Assert.Equal((UnixFileMode)Convert.ToInt32("600", 8), _tree.ModeOf(Shared("stray.txt")));
    }

    [Fact]
    public async Task A_symlink_out_of_the_tree_is_never_followed()
    {
        var outside = _tree.File("secret-elsewhere", "600");
        _tree.Directory("ktrdr data's/data");
        File.CreateSymbolicLink(Shared("data/latest"), outside);

        await ApplyPlanAsync();

        Assert.Equal((UnixFileMode)Convert.ToInt32("600", 8), _tree.ModeOf(outside));
        Assert.True((await PlanAsync()).IsUnchanged);
    }

    [Fact]
    public async Task A_missing_shared_path_is_reported_and_nothing_is_created()
    {
        var storage = Nodes.Storage(_tree.Path("not-mounted"));

        var plan = SharedLayoutCommands.Plan(storage, SharedLayoutCommands.ParseInspection(await RunAsync(SharedLayoutCommands.Inspect(storage))));

        Assert.StartsWith($"the shared path {storage.Path} does not exist", Assert.Single(plan.Problems));
        Assert.False(Directory.Exists(storage.Path));
    }

    [Fact]
    public async Task The_proof_script_passes_as_uid_999_with_group_1500_once_the_tree_is_laid_out()
    {
        await ApplyPlanAsync();

        var proof = SharedLayoutCommands.ParseProof(await RunAsUid999Async(), _storage);

        Assert.True(proof.Passed, string.Join("; ", proof.Failures));
        Assert.Equal(SharedLayoutCommands.Subdirectories(_storage), proof.Proven);
        Assert.Empty(Directory.EnumerateFileSystemEntries(Shared("data")));
    }

    [Fact]
    public async Task The_proof_script_catches_a_directory_that_lost_its_setgid_bit()
    {
        await ApplyPlanAsync();
        File.SetUnixFileMode(Shared("models"), (UnixFileMode)Convert.ToInt32("775", 8));
        Assert.Equal((UnixFileMode)0, _tree.ModeOf(Shared("models")) & UnixFileMode.SetGroup);

        var proof = SharedLayoutCommands.ParseProof(await RunAsUid999Async(), _storage);

        Assert.Equal($"a file created in {Shared("models")} gets group 999, not 1500: the directory lacks the setgid bit (mode 2775); run SyncNfsLayout",
            Assert.Single(proof.Failures));
    }

    /// <summary>The script the proof container runs, run here as the containers' user (uid 999, group 999, plus 1500).</summary>
    private async Task<CommandResult> RunAsUid999Async() =>
        await _executor.RunAsync(new RemoteCommand(
            $"setpriv --reuid 999 --regid 999 --groups 1500 sh -c {Quote(ProofScript.Inner(_storage, "t3st"))}", "proof as uid 999"), default);
}
