using System.Text.RegularExpressions;

namespace Build.Tests;

/// <summary>README's target table and the build's real targets agree, both ways.</summary>
public class ReadmeTargetsTests
{
    [Fact]
    public async Task Every_target_is_in_READMEs_table_and_every_name_there_is_a_target()
    {
        var catalog = await BuildCatalog.LoadAsync();
        var readme = File.ReadAllText(Path.Combine(BuildSandbox.RepoRoot, "README.md"));
        var table = readme.Split("## Targets")[1].Split("\n## ")[0];
        var named = Regex.Matches(table, @"(?m)^\| ([^|]+)\|").SelectMany(row => Regex.Matches(row.Groups[1].Value, "`([A-Z][A-Za-z]+)`"))
            .Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);

        Assert.Empty(catalog.Targets.Except(named).Order(StringComparer.Ordinal));   // a target README does not list
        Assert.Empty(named.Except(catalog.Targets).Order(StringComparer.Ordinal));   // a name README lists that is no target
    }
}
