using Ktrdr.Deploy.Rollout.Deploy;

namespace Rollout.Tests;

public class RollingOptionsTests
{
    private static readonly string[] Services = ["backtest-worker-1", "training-worker-1", "backtest-worker-2", "training-worker-2"];

    private static RollingOptions Options(int batch) => new(batch, TimeSpan.FromMinutes(1), Force: false, TimeSpan.FromMinutes(1));

    [Fact]
    public void One_at_a_time_by_default_in_the_nodes_service_order()
    {
        var batches = Options(1).Batches(Services, Services.ToHashSet());
        Assert.Equal(Services, batches.Select(b => Assert.Single(b)));
    }

    [Fact]
    public void A_batch_size_groups_services_and_the_last_batch_takes_the_rest()
    {
        var batches = Options(3).Batches(Services, Services.ToHashSet());
        Assert.Equal([["backtest-worker-1", "training-worker-1", "backtest-worker-2"], ["training-worker-2"]], batches);
    }

    [Fact]
    public void Only_services_running_now_are_replaced_new_ones_start_with_the_final_up()
    {
        var batches = Options(2).Batches(Services, new HashSet<string> { "training-worker-1", "training-worker-2", "gone-service" });
        Assert.Equal([["training-worker-1", "training-worker-2"]], batches);
    }

    [Fact]
    public void Nothing_running_means_no_batch()
    {
        Assert.Empty(Options(1).Batches(Services, new HashSet<string>()));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-2)]
    public void A_batch_holds_at_least_one_service(int size)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Options(size).Batches(Services, Services.ToHashSet()));
    }
}
