using Ktrdr.Deploy.Rollout.Deploy;

namespace Rollout.Tests;

public class MountedFilesTests
{
    private static readonly Dictionary<string, IReadOnlyList<string>> CoreMounts = new()
    {
        ["prometheus"] = ["./prometheus/prometheus.yml"],
        ["grafana"] = ["./grafana/datasources.yml", "./grafana/dashboards.yml", "./grafana/dashboards"],
    };

    private static readonly Dictionary<string, string> Before = new()
    {
        [".env"] = "e1", ["docker-compose.core.yml"] = "c1", ["prometheus/prometheus.yml"] = "p1",
        ["grafana/datasources.yml"] = "d1", ["grafana/dashboards.yml"] = "b1", ["grafana/dashboards/operations.json"] = "o1",
    };

    private static Dictionary<string, string> With(string path, string? sha)
    {
        var files = new Dictionary<string, string>(Before);
        if (sha is null) files.Remove(path);
        else files[path] = sha;
        return files;
    }

    [Fact]
    public void A_changed_mounted_file_names_the_service_reading_it()
    {
        Assert.Equal(["prometheus"], MountedFiles.ServicesReadingChanges(CoreMounts, Before, With("prometheus/prometheus.yml", "p2")));
    }

    [Fact]
    public void A_file_under_a_mounted_folder_counts_added_or_removed_too()
    {
        Assert.Equal(["grafana"], MountedFiles.ServicesReadingChanges(CoreMounts, Before, With("grafana/dashboards/operations.json", "o2")));
        Assert.Equal(["grafana"], MountedFiles.ServicesReadingChanges(CoreMounts, Before, With("grafana/dashboards/new.json", "n1")));
        Assert.Equal(["grafana"], MountedFiles.ServicesReadingChanges(CoreMounts, Before, With("grafana/dashboards/operations.json", null)));
    }

    [Fact]
    public void Files_no_service_mounts_recreate_nothing_compose_itself_recreates_for_env_and_compose_changes()
    {
        Assert.Empty(MountedFiles.ServicesReadingChanges(CoreMounts, Before, With(".env", "e2")));
        Assert.Empty(MountedFiles.ServicesReadingChanges(CoreMounts, Before, Before));
    }

    [Fact]
    public void A_prefix_of_a_name_is_not_its_folder()
    {
        var mounts = new Dictionary<string, IReadOnlyList<string>> { ["svc"] = ["./grafana/dash"] };
        Assert.Empty(MountedFiles.ServicesReadingChanges(mounts, Before, With("grafana/dashboards.yml", "b2")));
    }

    [Fact]
    public void Without_the_running_bundles_manifest_every_mounting_service_is_recreated()
    {
        Assert.Equal(["grafana", "prometheus"], MountedFiles.ServicesReadingChanges(CoreMounts, before: null, Before));
    }

    [Theory]
    [InlineData("./prometheus/prometheus.yml", "prometheus/prometheus.yml")]
    [InlineData("././grafana/dashboards/", "grafana/dashboards")]
    [InlineData("grafana", "grafana")]
    public void Sources_are_compared_as_bundle_paths(string source, string path) => Assert.Equal(path, MountedFiles.Normalize(source));
}
