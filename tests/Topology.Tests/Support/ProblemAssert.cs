namespace Ktrdr.Deploy.Topology.Tests.Support;

/// <summary>Checks that a problem was reported where and how a person needs it.</summary>
public static class ProblemAssert
{
    /// <summary>
    /// Exactly one problem for <paramref name="field"/>: in <paramref name="file"/>, on the line of the file
    /// that contains <paramref name="lineText"/>, with every word of <paramref name="words"/> in its message or hint.
    /// </summary>
    public static Diagnostic Single(IReadOnlyList<Diagnostic> problems, string file, string field, string lineText, params string[] words)
    {
        var matching = problems.Where(p => p.Field == field).ToList();
        Assert.True(matching.Count == 1, $"expected one problem for {field}, got:\n{string.Join("\n", problems)}");
        var problem = matching[0];
        Assert.Equal(Path.GetFullPath(file), Path.GetFullPath(problem.File));
        Assert.Equal(LineOf(file, lineText), problem.Line);
        Assert.True(problem.Column > 0, $"no column in {problem}");
        Assert.False(string.IsNullOrWhiteSpace(problem.Hint), $"no hint in {problem}");
        var text = problem.Message + "\n" + problem.Hint;
        foreach (var word in words)
            Assert.True(text.Contains(word, StringComparison.Ordinal), $"\"{word}\" is not in:\n{problem}");
        return problem;
    }

    /// <summary>1-based number of the only line of the file containing the text.</summary>
    public static int LineOf(string file, string lineText)
    {
        var lines = File.ReadAllLines(file);
        var found = Enumerable.Range(0, lines.Length).Where(i => lines[i].Contains(lineText, StringComparison.Ordinal)).ToList();
        Assert.True(found.Count == 1, $"\"{lineText}\" must be on exactly one line of {file}");
        return found[0] + 1;
    }
}
