using Ktrdr.Deploy.Rollout.Operations;
using Ktrdr.Deploy.Rollout.Orchestration;

namespace Rollout.Tests.Orchestration;

public class StaleLockTests
{
    private static LockHolder Holder(string host, int pid) => new("id", "operator", host, pid, "DeployWorkers", "lab", DateTimeOffset.UnixEpoch);

    [Fact]
    public void A_holder_on_this_host_whose_process_is_gone_is_stale() =>
        Assert.Contains("no process 12 runs on build-host", StaleLock.Reason(Holder("build-host", 12), "build-host", _ => false));

    [Fact]
    public void A_holder_on_this_host_whose_process_runs_is_respected() =>
        Assert.Null(StaleLock.Reason(Holder("build-host", 12), "build-host", _ => true));

    [Fact]
    public void A_holder_on_another_host_is_never_stale_whatever_runs_here() =>
        Assert.Null(StaleLock.Reason(Holder("runner-7", 12), "build-host", _ => false));

    [Fact]
    public void Host_names_compare_without_case() =>
        Assert.NotNull(StaleLock.Reason(Holder("BUILD-HOST", 12), "build-host", _ => false));

    [Fact]
    public void An_unreadable_holder_is_not_stale() =>
        Assert.Null(StaleLock.Reason(null, "build-host", _ => false));

    [Fact]
    public void This_process_is_alive_and_a_pid_that_cannot_exist_is_not()
    {
        Assert.True(LocalProcesses.IsAlive(System.Environment.ProcessId));
        Assert.False(LocalProcesses.IsAlive(0));
        Assert.False(LocalProcesses.IsAlive(int.MaxValue));
    }
}
