using Commands.Tests.Support;
using Ktrdr.Deploy.Commands.Layout;
using Ktrdr.Deploy.Commands.Output;

namespace Commands.Tests;

public class LayoutPlanTests
{
    private const string Root = "/mnt/ktrdr_data";
    private static readonly int DirMode = Convert.ToInt32("2775", 8);
    private static readonly int FileMode = Convert.ToInt32("664", 8);

    private static PathState Dir(string path, int uid = 999, int gid = 1500, string mode = "2775") =>
        new(path, PathKind.Directory, uid, gid, Convert.ToInt32(mode, 8));

    private static PathState File(string path, int uid = 999, int gid = 1500, string mode = "664") =>
        new(path, PathKind.File, uid, gid, Convert.ToInt32(mode, 8));

    private static PathState Missing(string path) => new(path, PathKind.Missing, -1, -1, 0);

    private static LayoutInspection RightTree(params PathState[] more) => new(
        [Dir(Root), Dir($"{Root}/data"), File($"{Root}/data/EURUSD_1h.csv"), Dir($"{Root}/data/strategies"),
         Dir($"{Root}/results"), Dir($"{Root}/models"), Dir($"{Root}/db-backups"), .. more]);

    private static LayoutPlan Plan(LayoutInspection inspection) => SharedLayoutCommands.Plan(Nodes.Storage(), inspection);

    [Fact]
    public void A_fresh_tree_is_all_creates_in_topology_order()
    {
        var plan = Plan(new LayoutInspection([Dir(Root), Missing($"{Root}/data"), Missing($"{Root}/results"),
            Missing($"{Root}/models"), Missing($"{Root}/db-backups")]));

        Assert.Empty(plan.Problems);
        Assert.All(plan.Changes, change => Assert.Equal(LayoutAction.CreateDirectory, change.Action));
        Assert.Equal(
            ["create /mnt/ktrdr_data/data (owner 999:1500, mode 2775)", "create /mnt/ktrdr_data/results (owner 999:1500, mode 2775)",
             "create /mnt/ktrdr_data/models (owner 999:1500, mode 2775)", "create /mnt/ktrdr_data/db-backups (owner 999:1500, mode 2775)"],
            plan.Changes.Select(c => c.Description));
    }

    [Fact]
    public void A_tree_already_right_needs_nothing()
    {
        Assert.True(Plan(RightTree()).IsUnchanged);
    }

    [Fact]
    public void One_file_with_the_wrong_mode_is_one_chmod()
    {
        var change = Assert.Single(Plan(RightTree(File($"{Root}/models/m.pt", mode: "644"))).Changes);

        Assert.Equal(new LayoutChange(LayoutAction.ChangeMode, $"{Root}/models/m.pt", FileMode,
            "chmod file /mnt/ktrdr_data/models/m.pt from 644 to 664"), change);
    }

    [Fact]
    public void A_directory_owned_by_someone_else_is_one_chown()
    {
        var change = Assert.Single(Plan(RightTree(Dir($"{Root}/results/run-7", uid: 0, gid: 0))).Changes);

        Assert.Equal(new LayoutChange(LayoutAction.ChangeOwner, $"{Root}/results/run-7", null,
            "chown directory /mnt/ktrdr_data/results/run-7 from 0:0 to 999:1500"), change);
    }

    [Fact]
    public void A_directory_without_setgid_gets_it_back()
    {
        var change = Assert.Single(Plan(RightTree(Dir($"{Root}/data/raw", mode: "775"))).Changes);

        Assert.Equal(DirMode, change.Mode);
        Assert.Equal("chmod directory /mnt/ktrdr_data/data/raw from 775 to 2775", change.Description);
    }

    [Fact]
    public void Wrong_owner_and_mode_on_the_shared_path_itself_are_chown_then_chmod()
    {
        var inspection = new LayoutInspection([Dir(Root, uid: 0, gid: 0, mode: "755"), .. RightTree().Entries.Skip(1)]);

        Assert.Equal([LayoutAction.ChangeOwner, LayoutAction.ChangeMode], Plan(inspection).Changes.Select(c => c.Action));
    }

    [Fact]
    public void Symlinks_and_other_special_files_are_left_alone()
    {
        Assert.True(Plan(RightTree(new PathState($"{Root}/data/latest", PathKind.Other, 0, 0, Convert.ToInt32("777", 8)))).IsUnchanged);
    }

    [Fact]
    public void A_missing_shared_path_is_a_problem_never_a_create()
    {
        var plan = Plan(new LayoutInspection([Missing(Root)]));

        Assert.Empty(plan.Changes);
        Assert.Equal(
            "the shared path /mnt/ktrdr_data does not exist: mount the shared tree (NFS) there first; " +
            "the deploy never creates it, so that data cannot land on the node's own disk",
            Assert.Single(plan.Problems));
    }

    [Fact]
    public void A_file_where_a_subdirectory_belongs_is_a_problem()
    {
        var inspection = new LayoutInspection([.. RightTree().Entries.Where(e => e.Path != $"{Root}/models"), File($"{Root}/models")]);

        Assert.Equal("/mnt/ktrdr_data/models should be a directory but is not: move it away, then run SyncNfsLayout again",
            Assert.Single(Plan(inspection).Problems));
    }

    [Fact]
    public void Apply_sends_the_changes_on_standard_input_as_root()
    {
        var changes = new List<LayoutChange>
        {
            new(LayoutAction.CreateDirectory, $"{Root}/models", DirMode, "create"),
            new(LayoutAction.ChangeOwner, $"{Root}/data/a|b.csv", null, "chown"),
            new(LayoutAction.ChangeMode, $"{Root}/data/a|b.csv", FileMode, "chmod"),
        };

        var apply = SharedLayoutCommands.Apply(Nodes.Storage(), changes);

        Assert.True(apply.Sudo);
        Assert.DoesNotContain(Root, apply.Script);
        Assert.Equal(
            "mkdir|-|/mnt/ktrdr_data/models\nchown|999:1500|/mnt/ktrdr_data/models\nchmod|02775|/mnt/ktrdr_data/models\n" +
            "chown|999:1500|/mnt/ktrdr_data/data/a|b.csv\nchmod|00664|/mnt/ktrdr_data/data/a|b.csv\n",
            apply.StandardInput);
    }

    [Fact]
    public void Apply_refuses_a_change_outside_the_shared_path()
    {
        var outside = new LayoutChange(LayoutAction.ChangeMode, "/mnt/ktrdr_data_old/x", FileMode, "chmod file /mnt/ktrdr_data_old/x");

        var error = Assert.Throws<ArgumentException>(() => SharedLayoutCommands.Apply(Nodes.Storage(), [outside]));

        Assert.Contains("is outside the shared path /mnt/ktrdr_data", error.Message);
    }

    [Fact]
    public void Inspection_lines_are_read_from_the_right_so_a_bar_in_a_name_survives()
    {
        var inspection = SharedLayoutCommands.ParseInspection(Sample.Output(
            "/mnt/ktrdr_data|directory|999|1500|2775\n/mnt/ktrdr_data/data/a|b.csv|regular empty file|0|0|600\n/mnt/ktrdr_data/models|missing|-|-|-\n"));

        Assert.Equal(
            [Dir(Root), File($"{Root}/data/a|b.csv", 0, 0, "600"), Missing($"{Root}/models")],
            inspection.Entries);
    }

    [Fact]
    public void An_inspection_that_failed_or_printed_nonsense_is_an_error()
    {
        var failed = Sample.Output("", 1, "find: '/mnt/ktrdr_data/data/private': Permission denied");
        var nonsense = Sample.Output("/mnt/ktrdr_data|directory|root|1500|2775\n");

        Assert.Contains("Permission denied", Assert.Throws<UnexpectedOutputException>(() => SharedLayoutCommands.ParseInspection(failed)).Message);
        Assert.Contains("uid, gid and octal mode expected", Assert.Throws<UnexpectedOutputException>(() => SharedLayoutCommands.ParseInspection(nonsense)).Message);
    }
}
