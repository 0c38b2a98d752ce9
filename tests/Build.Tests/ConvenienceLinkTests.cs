namespace Build.Tests;

/// <summary>The seeds' convenience links: no compose file of its own at the root, a link to the local stack's file.</summary>
public class ConvenienceLinkTests
{
    [Fact]
    public void The_root_docker_compose_yml_is_a_relative_link_to_the_local_stacks_file()
    {
        var link = new FileInfo(Path.Combine(BuildSandbox.RepoRoot, "docker-compose.yml"));

        Assert.Equal("deploy/environments/local/docker-compose.yml", link.LinkTarget);
        Assert.True(File.Exists(link.ResolveLinkTarget(returnFinalTarget: true)!.FullName));
    }

    [Fact]
    public void The_local_stack_mounts_the_shared_grafana_files_and_alert_rules_through_links_laid_out_as_in_its_bundle()
    {
        var grafana = new DirectoryInfo(Path.Combine(BuildSandbox.RepoRoot, "deploy", "environments", "local", "grafana"));

        Assert.Equal("../../shared/grafana", grafana.LinkTarget);
        Assert.True(File.Exists(Path.Combine(grafana.FullName, "datasources.yml")));
        Assert.True(File.Exists(Path.Combine(BuildSandbox.RepoRoot, "deploy", "environments", "local", "prometheus", "prometheus.yml")));
        var rules = new DirectoryInfo(Path.Combine(BuildSandbox.RepoRoot, "deploy", "environments", "local", "prometheus", "rules"));
        Assert.Equal("../../../shared/prometheus/rules", rules.LinkTarget);
        Assert.True(File.Exists(Path.Combine(rules.FullName, "backups.yml")));
    }
}
