namespace Ktrdr.Deploy.Rollout.Drift;

/// <summary>
/// A unified diff of two texts by lines (longest common subsequence; bundle files are small), with three lines of
/// context, headed <c>--- bundle/path</c> and <c>+++ node/path</c>.
/// </summary>
public static class UnifiedDiff
{
    private const int Context = 3;

    public static string Of(string path, string expected, string actual)
    {
        var a = Lines(expected);
        var b = Lines(actual);
        var edits = Edits(a, b);
        var lines = new List<string> { $"--- bundle/{path}", $"+++ node/{path}" };
        var i = 0;
        while (i < edits.Count)
        {
            if (edits[i].Kind == ' ') { i++; continue; }
            var start = Math.Max(0, i - Context);
            var end = i;
            // extend the hunk while the next change is within two contexts
            for (var k = i; k < edits.Count; k++)
            {
                if (edits[k].Kind != ' ') end = k;
                else if (k - end > 2 * Context) break;
            }
            var stop = Math.Min(edits.Count, end + Context + 1);
            var hunk = edits.GetRange(start, stop - start);
            var fromLine = edits.Take(start).Count(e => e.Kind != '+') + 1;
            var toLine = edits.Take(start).Count(e => e.Kind != '-') + 1;
            lines.Add($"@@ -{fromLine},{hunk.Count(e => e.Kind != '+')} +{toLine},{hunk.Count(e => e.Kind != '-')} @@");
            lines.AddRange(hunk.Select(e => e.Kind + e.Text));
            i = stop;
        }
        return string.Join('\n', lines);
    }

    private static string[] Lines(string text) => text.Length == 0 ? [] : text.TrimEnd('\n').Split('\n').Select(l => l.TrimEnd('\r')).ToArray();

    private static List<(char Kind, string Text)> Edits(string[] a, string[] b)
    {
        // lengths[i, j]: the longest common subsequence of a[i..] and b[j..]
        var lengths = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
            for (var j = b.Length - 1; j >= 0; j--)
                lengths[i, j] = a[i] == b[j] ? lengths[i + 1, j + 1] + 1 : Math.Max(lengths[i + 1, j], lengths[i, j + 1]);
        var edits = new List<(char, string)>();
        int x = 0, y = 0;
        while (x < a.Length || y < b.Length)
        {
            if (x < a.Length && y < b.Length && a[x] == b[y]) { edits.Add((' ', a[x])); x++; y++; }
            else if (x < a.Length && (y == b.Length || lengths[x + 1, y] >= lengths[x, y + 1])) edits.Add(('-', a[x++]));
            else edits.Add(('+', b[y++]));
        }
        return edits;
    }
}
