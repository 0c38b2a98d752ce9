using System.Text.RegularExpressions;

namespace Build.Tests;

/// <summary>
/// docs/OPERATIONS.md, the operator's manual, stays honest: every <c>./build.sh</c> command it shows names only the
/// build's real targets and parameters, and its troubleshooting table has a row per lesson, each pointing at the
/// target or check that now prevents or diagnoses it.
/// </summary>
public partial class OperationsManualTests
{
    private static readonly string ManualPath = Path.Combine(BuildSandbox.RepoRoot, "docs", "OPERATIONS.md");

    /// <summary>What the last column says when no target catches a lesson: it must say so, not name a check that is not there.</summary>
    private const string NoCheck = "**No check**";

    [Fact]
    public async Task Every_build_command_in_the_manual_names_real_targets_and_parameters()
    {
        var catalog = await BuildCatalog.LoadAsync();
        var commands = BuildCommands(File.ReadAllText(ManualPath)).ToList();

        var problems = Problems(catalog, commands);

        Assert.True(problems.Count == 0, "docs/OPERATIONS.md:\n" + string.Join("\n", problems));
        Assert.True(commands.Count >= 15, $"only {commands.Count} ./build.sh commands found in docs/OPERATIONS.md");
    }

    [Fact]
    public async Task The_troubleshooting_table_has_a_row_per_lesson_and_each_points_at_a_target_or_says_there_is_none()
    {
        var catalog = await BuildCatalog.LoadAsync();
        var rows = TroubleshootingRows(File.ReadAllText(ManualPath));

        Assert.True(rows.Count >= 10, $"the troubleshooting table has {rows.Count} rows, expected at least 10");
        var problems = new List<string>();
        foreach (var (cells, line) in rows)
        {
            if (cells.Count != 3) problems.Add($"line {line}: {cells.Count} columns, expected 3 (symptom | cause | what prevents or diagnoses it now)");
            var last = cells[^1];
            if (last.Length == 0) { problems.Add($"line {line}: the last column is empty"); continue; }
            if (!last.StartsWith(NoCheck, StringComparison.Ordinal) && !NamesATarget(last, catalog))
                problems.Add($"line {line}: the last column names no target of the build (or say {NoCheck}): {last}");
            problems.AddRange(PascalCaseCode().Matches(last).Select(m => m.Groups[1].Value).Where(name => !catalog.Targets.Contains(name))
                .Select(name => $"line {line}: `{name}` is not a target of the build"));
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public async Task The_alert_table_has_a_row_per_shipped_alert_and_each_names_the_target_to_run_first()
    {
        var catalog = await BuildCatalog.LoadAsync();
        var rules = Directory.GetFiles(Path.Combine(BuildSandbox.RepoRoot, "deploy", "shared", "prometheus", "rules"), "*.yml");
        var alerts = rules.SelectMany(f => AlertLine().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value)).Order(StringComparer.Ordinal).ToList();
        var rows = TableRows(File.ReadAllText(ManualPath), "### Alerts");

        var named = rows.Select(r => InlineCode().Match(r.Cells[0]).Groups[1].Value).ToList();
        Assert.True(alerts.Count >= 9, $"only {alerts.Count} alerts found in {string.Join(", ", rules)}");
        Assert.Equal(alerts, named.Order(StringComparer.Ordinal));
        var problems = rows.Where(r => r.Cells.Count != 3 || !NamesATarget(r.Cells[^1], catalog))
            .Select(r => $"line {r.Line}: expected 3 columns (alert | means | first command to run), the last naming a target of the build").ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void The_checks_themselves_catch_an_unknown_target_parameter_and_an_empty_row()
    {
        var catalog = new BuildCatalog(new HashSet<string> { "DeployWorkers", "Verify" },
            new Dictionary<string, string> { ["--environment"] = "string", ["--confirm"] = "bool" });
        const string manual = """
            ```bash
            ./build.sh DeployWorkers DeployEverything --environment homelab --confirm --colour red   # a comment
            ./build.sh --plan Verify | tail -3
            ```
            and inline `./build.sh Verfy --environment homelab`.

            ## Troubleshooting

            | symptom | cause | what prevents or diagnoses it now |
            |---|---|---|
            | a | b | `Verify`: workers registered |
            | c | d | |
            | e | f | `RenderAll`: checks |
            | g | h | pre-flight in Deploy\* |

            ## Next
            """;

        var commands = BuildCommands(manual).ToList();
        Assert.Equal(3, commands.Count);
        Assert.Equal(["line 2: no target DeployEverything", "line 2: no target red", "line 2: no parameter --colour", "line 5: no target Verfy"],
            Problems(catalog, commands));

        var rows = TroubleshootingRows(manual);
        Assert.Equal(4, rows.Count);
        Assert.Equal("", rows[1].Cells[^1]);
        Assert.True(NamesATarget(rows[0].Cells[^1], catalog));
        Assert.False(NamesATarget(rows[2].Cells[^1], catalog));
        Assert.True(NamesATarget(rows[3].Cells[^1], catalog));
    }

    /// <summary>A <c>./build.sh ...</c> command line and the manual line it starts on.</summary>
    private sealed record BuildCommand(string Text, int Line);

    /// <summary>
    /// Every <c>./build.sh</c> command in fenced code blocks (continuation lines joined) and in inline code spans, cut
    /// where the shell command ends (a comment, a pipe, <c>&amp;&amp;</c>, <c>;</c>, a redirection).
    /// </summary>
    private static IEnumerable<BuildCommand> BuildCommands(string markdown)
    {
        var lines = markdown.Replace("\r\n", "\n").Split('\n');
        var inFence = false;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.TrimStart().StartsWith("```", StringComparison.Ordinal)) { inFence = !inFence; continue; }
            if (inFence)
            {
                var start = i;
                while (line.EndsWith('\\') && i + 1 < lines.Length) line = line[..^1] + " " + lines[++i];
                if (line.Contains("./build.sh", StringComparison.Ordinal)) yield return new BuildCommand(Command(line), start + 1);
            }
            else
            {
                foreach (Match span in InlineCode().Matches(line))
                    if (span.Groups[1].Value.Contains("./build.sh", StringComparison.Ordinal))
                        yield return new BuildCommand(Command(span.Groups[1].Value), i + 1);
            }
        }
    }

    private static string Command(string text)
    {
        var command = text[text.IndexOf("./build.sh", StringComparison.Ordinal)..];
        return ShellEnd().Split(command)[0].TrimEnd();
    }

    private static List<string> Problems(BuildCatalog catalog, IEnumerable<BuildCommand> commands)
    {
        var problems = new List<string>();
        foreach (var command in commands)
        {
            var (targets, options) = catalog.Read(command.Text, variable => [$"${variable}"]);
            problems.AddRange(targets.Where(t => !catalog.Targets.Contains(t)).Select(t => $"line {command.Line}: no target {t}"));
            problems.AddRange(options.Where(o => !catalog.ParameterTypes.ContainsKey(o) && !BuildCatalog.EngineOptions.Contains(o))
                .Select(o => $"line {command.Line}: no parameter {o}"));
        }
        return problems;
    }

    /// <summary>The body rows of the first table under "## Troubleshooting": its cells (trimmed) and the manual line.</summary>
    private static List<(IReadOnlyList<string> Cells, int Line)> TroubleshootingRows(string markdown) => TableRows(markdown, "## Troubleshooting");

    /// <summary>The body rows of the first table under a heading: its cells (trimmed) and the manual line.</summary>
    private static List<(IReadOnlyList<string> Cells, int Line)> TableRows(string markdown, string title)
    {
        var lines = markdown.Replace("\r\n", "\n").Split('\n');
        var heading = Array.FindIndex(lines, l => l.Trim() == title);
        Assert.True(heading >= 0, $"no \"{title}\" section");
        var rows = new List<(IReadOnlyList<string>, int)>();
        var header = true;
        for (var i = heading + 1; i < lines.Length && !lines[i].StartsWith("## ", StringComparison.Ordinal); i++)
        {
            var line = lines[i].Trim();
            if (!line.StartsWith('|'))
            {
                if (rows.Count > 0) break;   // the table ended
                continue;
            }
            if (header) { header = false; continue; }
            if (Separator().IsMatch(line)) continue;
            rows.Add((Cells(line), i + 1));
        }
        return rows;
    }

    /// <summary>The cells of a table row; a '|' inside a code span does not split.</summary>
    private static List<string> Cells(string row)
    {
        var cells = new List<string>();
        var current = new System.Text.StringBuilder();
        var inCode = false;
        foreach (var c in row.Trim().Trim('|'))
        {
            if (c == '`') inCode = !inCode;
            if (c == '|' && !inCode) { cells.Add(current.ToString().Trim()); current.Clear(); }
            else current.Append(c);
        }
        cells.Add(current.ToString().Trim());
        return cells;
    }

    /// <summary>The text names a real target, or a prefix of real targets written <c>Deploy*</c> (or <c>Deploy\*</c> in markdown).</summary>
    private static bool NamesATarget(string text, BuildCatalog catalog) =>
        catalog.Targets.Any(t => Regex.IsMatch(text, $@"\b{t}\b")) ||
        Wildcard().Matches(text).Any(m => catalog.Targets.Any(t => t.StartsWith(m.Groups[1].Value, StringComparison.Ordinal)));

    [GeneratedRegex("`([^`\n]+)`")] private static partial Regex InlineCode();
    [GeneratedRegex(@"^\s*- alert: (\S+)\s*$", RegexOptions.Multiline)] private static partial Regex AlertLine();
    [GeneratedRegex(@"\s+(?:#|\||&&|;|>|2>)")] private static partial Regex ShellEnd();
    [GeneratedRegex(@"^\|[\s:|-]+\|$")] private static partial Regex Separator();
    [GeneratedRegex(@"\b([A-Z][A-Za-z]+)\\?\*")] private static partial Regex Wildcard();
    [GeneratedRegex(@"`([A-Z][a-z]+(?:[A-Z][a-z]+)*)`")] private static partial Regex PascalCaseCode();
}
