using Ktrdr.Deploy.Rollout;
using Ktrdr.Deploy.Rollout.Nodes;

namespace Rollout.Tests;

public class NodeAttemptTests
{
    [Fact]
    public async Task A_node_failing_in_a_step_becomes_its_outcome_naming_the_step()
    {
        var attempt = await NodeAttempt.RunAsync<int>("workers-c", () =>
            NodeProgress.StepAsync<int>("workers-c", "pull", () => throw new RolloutException("workers-c: registry unreachable")));

        Assert.False(attempt.Succeeded);
        Assert.Equal(new NodeFailure("workers-c", "pull", "workers-c: registry unreachable"), attempt.Failure);
    }

    [Fact]
    public async Task A_failure_wrapped_after_its_step_still_names_the_step_it_came_from()
    {
        var attempt = await NodeAttempt.RunAsync<int>("workers-b", async () =>
        {
            try
            {
                return await NodeProgress.StepAsync<int>("workers-b", "health", () => throw new RolloutException("not healthy"));
            }
            catch (RolloutException e)
            {
                throw new RolloutException("workers-b: rolled back", e);
            }
        });

        Assert.Equal("health", attempt.Failure!.Step);
        Assert.Equal("workers-b: rolled back", attempt.Failure.Message);
    }

    [Fact]
    public async Task A_success_keeps_its_value_and_cancellation_is_not_a_node_failure()
    {
        Assert.Equal(42, (await NodeAttempt.RunAsync("core", () => Task.FromResult(42))).Value);
        await Assert.ThrowsAsync<OperationCanceledException>(() => NodeAttempt.RunAsync<int>("core", () => throw new OperationCanceledException()));
    }

    [Fact]
    public void The_summary_names_each_failed_node_and_step_and_says_the_others_completed()
    {
        var summary = NodeAttempt.Summary([new NodeFailure("workers-c", "connect", "workers-c: connection refused")], nodes: 2);

        Assert.StartsWith("1 of 2 node(s) failed; the others completed. Fix the cause and run the same command again", summary);
        Assert.EndsWith("  - workers-c at connect: workers-c: connection refused", summary);
        Assert.DoesNotContain("others completed", NodeAttempt.Summary([new NodeFailure("gpu", "pull", "x")], nodes: 1));
    }
}
