using System.Globalization;

namespace Ktrdr.Deploy.Topology.AppEnvironment;

/// <summary>Reads and writes deploy/app/ktrdr-env.tsv: '#' comments (one carries "source:"), a header row, tab-separated rows.</summary>
public static class AppEnvCatalogFile
{
    public static readonly string[] Columns = ["variable", "older_name", "default", "read_by", "source", "secret"];
    private const string ResourceName = "ktrdr-env.tsv";
    private const string SourcePrefix = "# source:";

    internal static AppEnvCatalog LoadEmbedded()
    {
        using var stream = typeof(AppEnvCatalogFile).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"the build does not embed {AppEnvCatalog.RepositoryPath}");
        var problems = new List<Diagnostic>();
        var catalog = Parse(AppEnvCatalog.RepositoryPath, new StreamReader(stream).ReadToEnd(), problems);
        if (problems.Count > 0) throw new InvalidInputException(problems);
        return catalog;
    }

    /// <summary>Parses the file; every bad row becomes a diagnostic (file, line, column name) and is skipped.</summary>
    public static AppEnvCatalog Parse(string path, string text, List<Diagnostic> problems)
    {
        var lines = text.Replace("\r\n", "\n").Split('\n');
        var source = lines.FirstOrDefault(l => l.StartsWith(SourcePrefix, StringComparison.Ordinal))?[SourcePrefix.Length..].Trim();
        if (source is null)
            problems.Add(new Diagnostic(path, 1, 1, "source", "no '# source:' comment naming the KTRDR commit the catalogue was read from",
                "add '# source: github.com/kpiteira/ktrdr at commit <sha>' (CheckAppEnv writes it)"));
        var variables = new List<AppVariable>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var headerSeen = false;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var cells = line.Split('\t');
            if (!headerSeen)
            {
                headerSeen = true;
                if (!cells.SequenceEqual(Columns))
                    problems.Add(new Diagnostic(path, i + 1, 1, "header", $"the header row is \"{string.Join(" ", cells)}\"",
                        $"the first row after the comments must name the columns, tab-separated: {string.Join(" ", Columns)}"));
                continue;
            }
            if (ParseRow(path, i + 1, cells, problems) is not { } variable) continue;
            if (seen.Add(variable.Name)) variables.Add(variable);
            else problems.Add(new Diagnostic(path, i + 1, 1, "variable", $"{variable.Name} is listed twice", "keep one row per variable"));
        }
        return new AppEnvCatalog(source ?? "(unknown)", variables);
    }

    private static AppVariable? ParseRow(string path, int line, string[] cells, List<Diagnostic> problems)
    {
        if (cells.Length != Columns.Length)
        {
            problems.Add(new Diagnostic(path, line, 1, "row", $"{cells.Length} tab-separated cells, expected {Columns.Length}",
                $"write {string.Join(", ", Columns)} separated by tabs (empty cells stay, as two tabs)"));
            return null;
        }
        if (!IsVariableName(cells[0]) || (cells[1].Length > 0 && !IsVariableName(cells[1])))
        {
            var (field, value) = IsVariableName(cells[0]) ? ("older_name", cells[1]) : ("variable", cells[0]);
            problems.Add(new Diagnostic(path, line, 1, field, $"\"{value}\" is not an environment variable name",
                "use letters, digits and '_', not starting with a digit"));
            return null;
        }
        if (cells[3].Length == 0)
        {
            problems.Add(new Diagnostic(path, line, 1, "read_by", $"{cells[0]} does not say what reads it",
                $"name the settings class, {AppVariable.DirectRead} or {AppVariable.Runtime}"));
            return null;
        }
        int? secret = null;
        if (cells[5].Length > 0)
        {
            if (!int.TryParse(cells[5], NumberStyles.None, CultureInfo.InvariantCulture, out var min) || min < 1)
            {
                problems.Add(new Diagnostic(path, line, 1, "secret", $"\"{cells[5]}\" for {cells[0]} is not a minimum length",
                    "write a whole number of characters (1 or more), or leave the cell empty when the variable is not a secret"));
                return null;
            }
            secret = min;
        }
        return new AppVariable(cells[0], cells[1].Length == 0 ? null : cells[1], cells[2], cells[3], cells[4], secret);
    }

    /// <summary>The file's text for a catalogue: the comments given, the header, one row per variable.</summary>
    public static string Write(IEnumerable<string> comments, IEnumerable<AppVariable> variables) =>
        string.Concat(comments.Select(c => "# " + c + "\n")) + string.Join('\t', Columns) + "\n" +
        string.Concat(variables.Select(v => string.Join('\t', v.Name, v.OlderName ?? "", v.Default, v.ReadBy, v.Source,
            v.SecretMinLength?.ToString(CultureInfo.InvariantCulture) ?? "") + "\n"));

    private static bool IsVariableName(string s) =>
        s.Length > 0 && !char.IsAsciiDigit(s[0]) && s.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');

}
