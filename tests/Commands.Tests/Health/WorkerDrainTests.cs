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
        Assert.Equal(expected, WorkerDrain.Parse(Sample.Output(output)));

    [Fact]
    public void The_probe_asks_the_container_itself_on_its_own_port_and_never_fails_the_command()
    {
        var script = WorkerDrain.Status("0123456789abcdef").Script;
        Assert.StartsWith("docker exec '0123456789abcdef' python -c ", script, StringComparison.Ordinal);
        Assert.Contains("KTRDR_WORKER_PORT", script);
        Assert.Contains("/health", script);
        Assert.Contains("worker_status", script);
        Assert.EndsWith("|| echo activity=unknown", script, StringComparison.Ordinal);
    }
}
