using Ktrdr.Deploy.Rollout.Drift;

namespace Rollout.Tests.Drift;

public class DriftPartsTests
{
    [Fact]
    public void A_unified_diff_shows_a_changed_line_with_context_and_hunk_numbers()
    {
        var before = string.Join('\n', Enumerable.Range(1, 10).Select(i => $"line {i}")) + "\n";
        var after = before.Replace("line 5\n", "line five\n");

        var diff = UnifiedDiff.Of("a.yml", before, after).Split('\n');

        Assert.Equal(["--- bundle/a.yml", "+++ node/a.yml", "@@ -2,7 +2,7 @@", " line 2", " line 3", " line 4", "-line 5", "+line five", " line 6", " line 7", " line 8"], diff);
    }

    [Fact]
    public void A_unified_diff_of_a_line_added_at_the_end()
    {
        var diff = UnifiedDiff.Of(".env", "A=1\nB=2\n", "A=1\nB=2\nC=3\n").Split('\n');

        Assert.Equal(["--- bundle/.env", "+++ node/.env", "@@ -1,2 +1,3 @@", " A=1", " B=2", "+C=3"], diff);
    }

    [Fact]
    public void Masking_keeps_names_and_hides_values_of_declared_and_secret_looking_variables_only()
    {
        var masked = SecretLineMask.Mask("--- bundle/.env\n+MY_VAR=x\n-OPS_TOKEN=abc\n export DB_PASS=1\n+API_KEY=zz", ["DB_PASS"]);

        Assert.Equal("--- bundle/.env\n+MY_VAR=x\n-OPS_TOKEN=***\n export DB_PASS=***\n+API_KEY=***", masked);
    }

    [Fact]
    public void Masking_covers_compose_files_too_and_keeps_variable_references_and_empty_keys()
    {
        var masked = SecretLineMask.Mask(
            "+    environment:\n+      DB_PASSWORD: hunter2\n+      - API_TOKEN=abc\n       OPS_KEY: ${OPS_KEY}\n+secrets:\n+      LOG_LEVEL: DEBUG", []);

        Assert.Equal("+    environment:\n+      DB_PASSWORD: ***\n+      - API_TOKEN=***\n       OPS_KEY: ${OPS_KEY}\n+secrets:\n+      LOG_LEVEL: DEBUG", masked);
    }

    [Fact]
    public void A_service_image_written_as_one_variable_wants_the_deploys_identity_of_it_and_a_literal_one_itself()
    {
        var wanted = BundleFacts.WantedImages(
            new Dictionary<string, string> { ["a"] = "${KTRDR_IMAGE}", ["b"] = "postgres:16", ["c"] = "${UNKNOWN}", ["d"] = "${REG}/x:${TAG}" },
            new Dictionary<string, string> { ["KTRDR_IMAGE"] = "r/ktrdr:sha-1@sha256:1" });

        Assert.Equal(new Dictionary<string, string> { ["a"] = "r/ktrdr:sha-1@sha256:1", ["b"] = "postgres:16" }, wanted);
    }

    [Fact]
    public void The_exit_code_is_0_in_sync_3_on_drift_and_1_when_a_node_could_not_be_read()
    {
        NodeDrift sync = new("a", [], []), drifted = new("b", [new DriftFinding(DriftArea.File, ".env", "differs on the node")], []);

        Assert.Equal(0, DriftReport.ExitCode([sync]));
        Assert.Equal(3, DriftReport.ExitCode([sync, drifted]));
        Assert.Equal(1, DriftReport.ExitCode([drifted, NodeDrift.Unreadable("c", "connection refused")]));
        Assert.Null(DriftReport.Failure([sync]));
        Assert.StartsWith("1 of 2 node(s) drifted: b (drifted: 1 file)", DriftReport.Failure([sync, drifted]));
    }

    [Fact]
    public void The_table_has_a_row_per_finding_and_one_for_a_node_in_sync()
    {
        var rows = DriftReport.Rows([new("a", [], []), new("b", [new DriftFinding(DriftArea.Container, "worker-1", "is stopped (exited 137)")], [])]);

        Assert.Equal([new DriftRow("a", "-", "-", "in sync"), new DriftRow("b", "container", "worker-1", "is stopped (exited 137)")], rows);
    }

    [Fact]
    public void The_json_report_says_what_the_nodes_were_compared_with()
    {
        var json = System.Text.Json.JsonSerializer.Serialize(DriftReport.Json("homelab", "deployed", [new("a", [], [])]));

        Assert.StartsWith("{\"environment\":\"homelab\",\"against\":\"deployed\",\"inSync\":true,\"exitCode\":0,", json);
    }
}
