using BuildEngine;

namespace Engine.Tests;

public class SummaryWriterTests
{
    private static readonly TargetResult[] Results =
    [
        new("Restore", TargetStatus.Succeeded, TimeSpan.FromSeconds(1.5), null),
        new("Compile", TargetStatus.Failed, TimeSpan.FromSeconds(75), "error CS1002: ; expected"),
        new("Publish", TargetStatus.Skipped, null, "OnlyWhenStatic: IsServerBuild"),
        new("Verify", TargetStatus.NotRun, null, "Compile failed"),
    ];

    private static string[] Render()
    {
        var output = new StringWriter();
        SummaryWriter.Write(output, Results, TimeSpan.FromSeconds(77), 1);
        return output.ToString().ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');
    }

    [Fact]
    public void Each_result_is_a_row_with_status_duration_and_note()
    {
        var rows = Render().Where(line => line.StartsWith("| ")).Select(line => line.Split('|', StringSplitOptions.TrimEntries)[1..^1]).ToList();

        Assert.Equal(["Target", "Status", "Duration", "Note"], rows[0]);
        Assert.Equal(["Restore", "Succeeded", "1.50s", ""], rows[1]);
        Assert.Equal(["Compile", "Failed", "1m15s", "error CS1002: ; expected"], rows[2]);
        Assert.Equal(["Publish", "Skipped", "-", "OnlyWhenStatic: IsServerBuild"], rows[3]);
        Assert.Equal(["Verify", "NotRun", "-", "Compile failed"], rows[4]);
    }

    [Fact]
    public void The_table_is_plain_ascii_no_wider_than_120_and_followed_by_total_and_exit_code()
    {
        var lines = Render();

        Assert.All(lines, line => Assert.True(line.Length <= SummaryWriter.Width, line));
        Assert.All(lines, line => Assert.DoesNotContain(line, c => c > 127 || c == '\u001b'));
        Assert.Equal("Total: 4 targets in 1m17s - 1 succeeded, 1 failed, 1 skipped, 1 not run", lines[^2]);
        Assert.Equal("Exit code: 1", lines[^1]);
    }

    [Fact]
    public void Markup_like_text_in_a_note_is_printed_literally()
    {
        var output = new StringWriter();
        SummaryWriter.Write(output, [new TargetResult("Deploy", TargetStatus.Failed, TimeSpan.Zero, "missing [red]value[/]")], TimeSpan.Zero, 1);

        Assert.Contains("missing [red]value[/]", output.ToString());
    }
}
