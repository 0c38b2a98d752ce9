using Ktrdr.Deploy.Rollout.Deploy;

namespace Rollout.Tests;

public class RollingOptionsTests
{
    private static readonly string[] Services = ["backtest-worker-1", "training-worker-1", "backtest-worker-2", "training-worker-2"];

    private static RollingOptions Options(int batch) => new(batch, TimeSpan.FromMinutes(1), Force: false, TimeSpan.FromMinutes(1));

    [Fact]
    public void One_of_each_kind_at_a_time_by_default_in_the_nodes_service_order()
    {
        var batches = Options(1).Batches(Services, Services.ToHashSet());
        Assert.Equal([["backtest-worker-1", "training-worker-1"], ["backtest-worker-2", "training-worker-2"]], batches);
    }

    [Fact]
    public void A_batch_size_groups_services_of_each_kind_and_the_most_numerous_kind_sets_the_rounds()
    {
        string[] services = ["backtest-worker-1", "training-worker-1", "backtest-worker-2", "backtest-worker-3"];
        Assert.Equal([["backtest-worker-1", "backtest-worker-2", "training-worker-1"], ["backtest-worker-3"]],
            Options(2).Batches(services, services.ToHashSet()));
        Assert.Equal([["backtest-worker-1"], ["backtest-worker-2"], ["backtest-worker-3"]],
            Options(1).Batches(["backtest-worker-1", "backtest-worker-2", "backtest-worker-3"], services.ToHashSet()));
    }

    [Fact]
    public void Only_services_running_now_are_replaced_new_ones_start_with_the_final_up()
    {
        var batches = Options(2).Batches(Services, new HashSet<string> { "training-worker-1", "training-worker-2", "gone-service" });
        Assert.Equal([["training-worker-1", "training-worker-2"]], batches);
    }

    [Theory]
    [InlineData("backtest-worker-12", "backtest-worker")]
    [InlineData("training-worker-1", "training-worker")]
    [InlineData("gpu-training-worker", "gpu-training-worker")]
    [InlineData("node-exporter", "node-exporter")]
    public void A_services_kind_is_its_name_without_the_slot_number(string service, string kind)
    {
        Assert.Equal(kind, RollingOptions.Kind(service));
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
