using BuildEngine;

namespace Engine.Tests;

public class PlannerTests
{
    private static ExecutableTarget[] Targets(params string[] names) =>
        names.Select((name, index) => new ExecutableTarget(name, index)).ToArray();

    private static ExecutionPlan Plan(ExecutableTarget[] all, SkipOption skip, params ExecutableTarget[] invoked) =>
        new ExecutionPlanner(all).Plan(invoked, skip);

    private static string[] Names(ExecutionPlan plan) => plan.Targets.Select(t => t.Target.Name).ToArray();

    [Fact]
    public void Dependencies_are_pulled_in_and_run_first()
    {
        var t = Targets("Restore", "Compile", "Test", "Unrelated");
        t[2].DependsOn.Add(t[1]);
        t[1].DependsOn.Add(t[0]);

        var plan = Plan(t, SkipOption.None, t[2]);

        Assert.Equal(["Restore", "Compile", "Test"], Names(plan));
        Assert.Equal(["dependency of Compile", "dependency of Test", "invoked"], plan.Targets.Select(t => t.Reason.Text));
    }

    [Fact]
    public void Independent_targets_keep_declaration_order_not_invocation_order()
    {
        var t = Targets("A", "B", "C");

        var plan = Plan(t, SkipOption.None, t[2], t[0], t[1]);

        Assert.Equal(["A", "B", "C"], Names(plan));
    }

    [Fact]
    public void After_and_Before_order_without_pulling_targets_in()
    {
        var t = Targets("Deploy", "Build", "Lint", "Notify");
        t[0].After.Add(t[1]);   // Deploy after Build
        t[2].Before.Add(t[1]);  // Lint before Build
        t[0].After.Add(t[3]);   // Notify is never invoked

        var plan = Plan(t, SkipOption.None, t[0], t[1], t[2]);

        Assert.Equal(["Lint", "Build", "Deploy"], Names(plan));
        Assert.DoesNotContain("Notify", Names(plan));
    }

    [Fact]
    public void Triggers_and_TriggeredBy_pull_targets_in_after_the_trigger()
    {
        var t = Targets("Report", "Cleanup", "Deploy");
        t[2].Triggers.Add(t[0]);
        t[1].TriggeredBy.Add(t[2]);

        var plan = Plan(t, SkipOption.None, t[2]);

        Assert.Equal(["Deploy", "Report", "Cleanup"], Names(plan));
        Assert.Equal(["invoked", "triggered by Deploy", "triggered by Deploy"], plan.Targets.Select(p => p.Reason.Text));
    }

    [Fact]
    public void A_cycle_is_reported_as_the_chain_of_targets()
    {
        var t = Targets("A", "B", "C", "D");
        t[0].DependsOn.Add(t[1]);
        t[1].DependsOn.Add(t[2]);
        t[2].DependsOn.Add(t[0]);
        t[3].DependsOn.Add(t[0]);

        var error = Assert.Throws<UsageException>(() => Plan(t, SkipOption.None, t[3]));

        Assert.Contains("A -> B -> C -> A", error.Message);
    }

    [Fact]
    public void A_cycle_made_of_ordering_hints_is_also_an_error()
    {
        var t = Targets("A", "B");
        t[0].After.Add(t[1]);
        t[0].Before.Add(t[1]);

        var error = Assert.Throws<UsageException>(() => Plan(t, SkipOption.None, t[0], t[1]));

        Assert.Contains("A -> B -> A", error.Message);
    }

    [Fact]
    public void Skip_marks_the_named_targets_skipped_but_keeps_them_in_order()
    {
        var t = Targets("Restore", "Compile");
        t[1].DependsOn.Add(t[0]);

        var plan = Plan(t, SkipOption.Only(t[0]), t[1]);

        Assert.Equal(["Restore", "Compile"], Names(plan));
        Assert.Equal(ExecutionPlanner.SkippedByOption, plan.Targets[0].SkipReason);
        Assert.False(plan.Targets[1].IsSkipped);
    }

    [Fact]
    public void Skip_alone_skips_every_target_that_was_not_invoked()
    {
        var t = Targets("Restore", "Compile", "Test");
        t[1].DependsOn.Add(t[0]);
        t[2].DependsOn.Add(t[1]);

        var plan = Plan(t, SkipOption.AllButInvoked, t[1], t[2]);

        Assert.Equal([true, false, false], plan.Targets.Select(p => p.IsSkipped));
    }

    [Fact]
    public void A_false_OnlyWhenStatic_skips_with_the_condition_text()
    {
        var t = Targets("Publish");
        var enabled = false;
        t[0].StaticConditions.Add(TargetCondition.From(() => enabled));

        var plan = Plan(t, SkipOption.None, t[0]);

        Assert.Equal("OnlyWhenStatic: enabled", plan.Targets[0].SkipReason);
    }

    [Fact]
    public void Skip_reason_from_the_option_wins_over_a_static_condition()
    {
        var t = Targets("Publish");
        t[0].StaticConditions.Add(TargetCondition.From(() => false));

        var plan = Plan(t, SkipOption.Only(t[0]), t[0]);

        Assert.Equal(ExecutionPlanner.SkippedByOption, plan.Targets[0].SkipReason);
    }
}
