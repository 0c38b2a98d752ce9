using Spectre.Console;
using Spectre.Console.Rendering;

namespace BuildEngine;

/// <summary>The end-of-run table (Target, Status, Duration, Note), a total line and the exit code; plain ASCII, 120 wide.</summary>
public static class SummaryWriter
{
    public const int Width = 120;

    public static void Write(TextWriter output, IReadOnlyList<TargetResult> results, TimeSpan total, int exitCode)
    {
        var table = new Table().Border(TableBorder.Ascii)
            .AddColumn("Target").AddColumn("Status").AddColumn("Duration").AddColumn("Note");
        foreach (var result in results)
            table.AddRow(Cell(result.Name), Cell(result.Status.ToString()),
                Cell(result.Duration is { } duration ? Elapsed.Format(duration) : "-"), Cell(result.Note ?? ""));

        var console = PlainConsole.Create(output, Width);
        console.Write(table);
        output.WriteLine(TotalLine(results, total));
        output.WriteLine($"Exit code: {exitCode}");
        output.Flush();
    }

    public static string TotalLine(IReadOnlyList<TargetResult> results, TimeSpan total)
    {
        int Count(TargetStatus status) => results.Count(r => r.Status == status);
        return $"Total: {results.Count} targets in {Elapsed.Format(total)} - {Count(TargetStatus.Succeeded)} succeeded, "
               + $"{Count(TargetStatus.Failed)} failed, {Count(TargetStatus.Skipped)} skipped, {Count(TargetStatus.NotRun)} not run";
    }

    private static IRenderable Cell(string text) => new Text(text);
}
