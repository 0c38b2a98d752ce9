using Ktrdr.Deploy.Commands.Swarm;
using Ktrdr.Deploy.Rendering.Swarm;
using Ktrdr.Deploy.Rollout.Swarm;

namespace Rollout.Tests.Swarm;

/// <summary>Status and Diff on a Swarm stack, judged in pure code (lab proof: Build.Tests S2 lists the 10 services running).</summary>
public class StackReportTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 8, 12, 0, 0, TimeSpan.Zero);

    private static readonly SwarmStamp Stamp = new("aaaabbbbccccdddd", "sha-e2e0001", Now.AddHours(-2), "ops@build-host");

    private const string Stack = """
        services:
          db:
            image: registry/postgres:16
            secrets:
              - source: DB_PASSWORD
          backend:
            image: registry/ktrdr-backend:sha-e2e0001
        secrets:
          DB_PASSWORD:
            external: true
            name: ktrdr_DB_PASSWORD_pending

        """;

    private static StackService Running(string name) => new($"ktrdr_{name}", 1, 1, "completed", "Running 5 minutes ago", "");

    private static StackSpec Spec(string name, string node, params string[] secrets) =>
        new($"ktrdr_{name}", $"registry/ktrdr-{name}:sha-e2e0001@sha256:0123456789abcdef0123456789", [$"node.labels.ktrdr.node == {node}"], secrets);

    [Fact]
    public void Status_lists_every_service_on_its_node_with_tag_digest_replicas_uptime_and_the_stamp()
    {
        var reading = new StackReading(Stamp, [Running("workers-b-backtest-worker-1"), Running("db") with { UpdateState = "rollback_completed" }],
            [Spec("workers-b-backtest-worker-1", "workers-b"), Spec("db", "core", "ktrdr_DB_PASSWORD_0123456789ab")]);

        var rows = StackStatusRows.From(reading, "aaaabbbbccccdddd", ["core", "workers-b"], "core", Now);

        Assert.Equal(["core", "workers-b"], rows.Select(r => r.Node));
        Assert.Equal("db", rows[0].Service);
        Assert.Equal("sha-e2e0001@sha256:0123456789ab", rows[0].Tag);
        Assert.Equal("1/1 running, update rollback_completed", rows[0].State);
        Assert.Equal("1/1 running", rows[1].State);
        Assert.Equal("5 minutes", rows[1].Uptime);
        Assert.Equal("in sync", rows[1].Drift);
        Assert.Equal("sha-e2e0001 2h00m ago by ops@build-host", rows[1].LastDeploy);
    }

    [Fact]
    public void Status_of_no_stack_is_one_row_saying_so_and_a_changed_render_shows_in_the_drift_column()
    {
        var none = Assert.Single(StackStatusRows.From(new StackReading(null, [], []), null, ["core"], "core", Now));
        Assert.Equal(("core", "no stack ktrdr on this swarm", "no stack stamp", "never (no stack stamp)"), (none.Node, none.State, none.Drift, none.LastDeploy));
        Assert.Equal("differs from the stack rendered here (Diff)", StackStatusRows.Drift(Stamp, "ffff"));
        Assert.Equal("- (not rendered here)", StackStatusRows.Drift(Stamp, null));
    }

    [Fact]
    public void Mounted_secret_objects_give_each_secrets_version()
    {
        var reading = new StackReading(null, [], [Spec("db", "core", "ktrdr_DB_PASSWORD_0123456789ab", "other_secret")]);

        Assert.Equal(new Dictionary<string, string> { ["DB_PASSWORD"] = "0123456789ab" }, reading.MountedVersions());
    }

    [Fact]
    public void A_stack_pinned_by_versions_is_the_one_pinned_by_values()
    {
        var byValue = PinnedStack.Pin(Stack, new Dictionary<string, string> { ["DB_PASSWORD"] = "s3cret" });
        var byVersion = PinnedStack.PinVersions(Stack, new Dictionary<string, string> { ["DB_PASSWORD"] = SwarmNames.Version("s3cret") });

        Assert.Equal(byValue.Objects, byVersion.Objects);
        Assert.Equal(byValue.Text, byVersion.Text);
    }

    [Fact]
    public void Diff_of_the_stack_as_deployed_finds_nothing()
    {
        var desired = PinnedStack.Pin(Stack, new Dictionary<string, string> { ["DB_PASSWORD"] = "s3cret" });
        var live = new StackReading(Stamp with { StackHash = "h1" }, [Running("db"), Running("backend")],
            [Spec("db", "core", desired.Objects.Keys.Single()), Spec("backend", "core")]);

        Assert.Empty(StackDiff.Judge(live, desired, "h1"));
    }

    [Fact]
    public void Diff_says_the_stack_changed_a_secret_would_rotate_and_names_missing_extra_and_failed_services()
    {
        var desired = PinnedStack.Pin(Stack, new Dictionary<string, string> { ["DB_PASSWORD"] = "new value" });
        var live = new StackReading(Stamp, [Running("db") with { Running = 0, UpdateState = "rollback_completed" }, Running("old-exporter")],
            [Spec("db", "core", "ktrdr_DB_PASSWORD_0123456789ab"), Spec("old-exporter", "core")]);

        var findings = StackDiff.Judge(live, desired, "eeeeffff00001111");

        Assert.Contains(new StackFinding("stack", "ktrdr", "deployed aaaabbbbcccc (sha-e2e0001), rendered eeeeffff0000: the stack file or a node's bundle changed"), findings);
        Assert.Contains(new StackFinding("secret", "DB_PASSWORD",
            $"would rotate: ktrdr_DB_PASSWORD_0123456789ab → ktrdr_DB_PASSWORD_{SwarmNames.Version("new value")} (the value changed)"), findings);
        Assert.Contains(new StackFinding("service", "backend", "missing: a deploy creates it"), findings);
        Assert.Contains(new StackFinding("service", "old-exporter", "extra: not in the rendered stack, a deploy removes it (--prune)"), findings);
        Assert.Contains(findings, f => f is { Area: "service", Subject: "db" } && f.What.StartsWith("the update failed and was rolled back by Swarm"));
        Assert.Equal(5, findings.Count);
    }

    [Fact]
    public void Diff_without_a_stamp_says_a_deploy_deploys_the_whole_stack()
    {
        var desired = PinnedStack.Pin(Stack, new Dictionary<string, string> { ["DB_PASSWORD"] = "v" });

        var findings = StackDiff.Judge(new StackReading(null, [], []), desired, "h");

        Assert.Equal("no stamp .ktrdr-stack.json on core: a deploy deploys the whole stack", findings[0].What);
        Assert.Contains(findings, f => f is { Area: "secret", Subject: "DB_PASSWORD" } && f.What.StartsWith("would be created: ktrdr_DB_PASSWORD_"));
    }
}
