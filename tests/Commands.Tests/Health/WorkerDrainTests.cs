using Commands.Tests.Support;
using Ktrdr.Deploy.Commands.Health;

namespace Commands.Tests.Health;

public class WorkerDrainTests
{
    [Theory]
    [InlineData("activity=idle\n", WorkerActivity.Idle)]
    [InlineData("activity=busy\n", WorkerActivity.Busy)]
    [InlineData("activity=none\n", WorkerActivity.NotAWorker)]
    [InlineData("activity=unknown\n", WorkerActivity.Unknown)]
    [InlineData("activity=None\n", WorkerActivity.Unknown)]            // a worker whose /health has no worker_status
    [InlineData("", WorkerActivity.Unknown)]
    [InlineData("noise\nactivity=busy\n", WorkerActivity.Busy)]
    public void The_last_activity_line_says_what_the_worker_is_doing(string output, WorkerActivity expected) =>
        Assert.Equal(expected, WorkerDrain.Parse(Sample.Output(output)).Activity);

    [Theory]
    [InlineData("activity=idle\nregistration=available\noperation=\n", WorkerRegistration.Available)]
    [InlineData("activity=idle\nregistration=busy\noperation=op-1\n", WorkerRegistration.Busy)]
    [InlineData("activity=idle\nregistration=temporarily_unavailable\n", WorkerRegistration.TemporarilyUnavailable)]
    [InlineData("activity=idle\nregistration=none\n", WorkerRegistration.NotRegistered)]
    [InlineData("activity=idle\nregistration=not-asked\n", WorkerRegistration.NotAsked)]
    [InlineData("activity=idle\nregistration=unknown\n", WorkerRegistration.Unknown)]
    [InlineData("activity=idle\n", WorkerRegistration.Unknown)]          // the probe died after /health
    [InlineData("activity=none\n", WorkerRegistration.NotAsked)]         // not a worker: nothing to ask
    public void The_registration_line_says_how_the_backend_lists_the_worker(string output, WorkerRegistration expected) =>
        Assert.Equal(expected, WorkerDrain.Parse(Sample.Output(output)).Registration);

    [Theory]
    [InlineData("activity=busy\nregistration=available\noperation=\n", true)]      // its own word
    [InlineData("activity=idle\nregistration=busy\noperation=\n", true)]           // the backend's record
    [InlineData("activity=idle\nregistration=available\noperation=op_42\n", true)] // the backend names its operation
    [InlineData("activity=idle\nregistration=available\noperation=\n", false)]
    [InlineData("activity=unknown\nregistration=unknown\n", false)]                // no answer: treated as idle, said so
    public void A_worker_is_busy_by_its_own_word_or_by_the_backends(string output, bool busy) =>
        Assert.Equal(busy, WorkerDrain.Parse(Sample.Output(output)).IsBusy);

    [Theory]
    [InlineData("activity=idle\nregistration=available\n", true)]
    [InlineData("activity=none\n", true)]
    [InlineData("activity=idle\nregistration=not-asked\n", true)]
    [InlineData("activity=idle\nregistration=none\n", false)]                      // restarted, not registered yet
    [InlineData("activity=idle\nregistration=temporarily_unavailable\n", false)]
    [InlineData("activity=idle\nregistration=unknown\n", false)]                   // backend unreachable from the worker
    public void A_replaced_worker_serves_once_the_backend_lists_it_available(string output, bool serving) =>
        Assert.Equal(serving, WorkerDrain.Parse(Sample.Output(output)).IsServing);

    [Fact]
    public void The_operation_the_backend_records_is_kept_and_described()
    {
        var report = WorkerDrain.Parse(Sample.Output("activity=busy\nregistration=busy\noperation=op_backtest_7\n"));
        Assert.Equal("op_backtest_7", report.Operation);
        Assert.Equal("busy, registered busy (running op_backtest_7)", WorkerDrain.Describe(report));
    }

    [Fact]
    public void The_probe_asks_the_container_itself_on_its_own_port_and_the_backend_by_the_workers_id_and_never_fails_the_command()
    {
        var script = WorkerDrain.Status("0123456789abcdef").Script;
        Assert.StartsWith("docker exec '0123456789abcdef' python -c ", script, StringComparison.Ordinal);
        Assert.Contains("KTRDR_WORKER_PORT", script);
        Assert.Contains("/health", script);
        Assert.Contains("worker_status", script);
        Assert.Contains("KTRDR_WORKER_ID", script);
        Assert.Contains("KTRDR_API_CLIENT_BASE_URL", script);
        Assert.Contains("'/workers/'", script);
        Assert.Contains("current_operation_id", script);
        Assert.EndsWith("|| echo activity=unknown", script, StringComparison.Ordinal);
    }
}
