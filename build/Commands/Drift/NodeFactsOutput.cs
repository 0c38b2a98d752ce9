using System.Text;
using System.Text.Json;
using Ktrdr.Deploy.Commands.Compose;
using Ktrdr.Deploy.Commands.Output;
using Ktrdr.Deploy.Remote;

namespace Ktrdr.Deploy.Commands.Drift;

/// <summary>Reads what <see cref="NodeFactsCommand"/> prints: marker lines (<c>@@name</c>), each followed by its section.</summary>
internal static class NodeFactsOutput
{
    public static NodeFacts Parse(CommandResult result, string what)
    {
        if (!result.Succeeded) throw UnexpectedOutputException.For(what, "the node could not be read", result);
        var sections = Sections(result.StandardOutput);
        if (!sections.ContainsKey("end")) throw UnexpectedOutputException.For(what, "the output ended early (no '@@end' line)", result);
        var exists = !sections.ContainsKey("nodir");
        return new NodeFacts(
            exists,
            Files(sections.GetValueOrDefault("files", []), what, result),
            sections.Where(s => s.Key.StartsWith("text ", StringComparison.Ordinal))
                .ToDictionary(s => s.Key["text ".Length..], s => Decode(s.Value, what, result), StringComparer.Ordinal),
            Optional(sections, "stamp", what, result),
            Optional(sections, "manifest", what, result),
            exists && !sections.ContainsKey("hash-failed") && !sections.ContainsKey("hash-skipped") ? ConfigHashes(sections.GetValueOrDefault("hashes", []), what, result) : null,
            Containers(sections.GetValueOrDefault("containers", []), sections.GetValueOrDefault("images", []), what, result));
    }

    /// <summary>Marker → the non-blank lines after it (a marker without lines is present with none).</summary>
    private static Dictionary<string, List<string>> Sections(string output)
    {
        var sections = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        List<string>? current = null;
        foreach (var raw in output.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.StartsWith("@@", StringComparison.Ordinal)) sections[line[2..]] = current = [];
            else if (current is not null && line.Trim().Length > 0) current.Add(line);
        }
        return sections;
    }

    /// <summary><c>sha256sum</c> lines (<c>hash  ./path</c>) → path relative to the deploy directory → hash.</summary>
    private static Dictionary<string, string> Files(List<string> lines, string what, CommandResult result)
    {
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in lines)
        {
            var space = line.IndexOf(' ');
            if (space != 64 || line.Length < 67)
                throw UnexpectedOutputException.For(what, $"expected 'sha256  ./path' lines, found '{line}'", result);
            var path = line[66..];
            files[path.StartsWith("./", StringComparison.Ordinal) ? path[2..] : path] = line[..64];
        }
        return files;
    }

    private static string? Optional(Dictionary<string, List<string>> sections, string name, string what, CommandResult result) =>
        sections.TryGetValue(name, out var lines) && lines.Count > 0 ? Decode(lines, what, result) : null;

    private static string Decode(List<string> lines, string what, CommandResult result)
    {
        try
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(string.Concat(lines.Select(l => l.Trim()))));
        }
        catch (FormatException)
        {
            throw UnexpectedOutputException.For(what, "a file's content is not the base64 the command prints", result);
        }
    }

    private static Dictionary<string, string> ConfigHashes(List<string> lines, string what, CommandResult result) =>
        new(ComposeOutput.ConfigHashes(new CommandResult(0, string.Join('\n', lines), "", result.Duration)), StringComparer.Ordinal);

    private static List<RunningContainer> Containers(List<string> lines, List<string> images, string what, CommandResult result)
    {
        var digests = images.Select(l => l.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries)).Where(p => p.Length > 0)
            .ToDictionary(p => p[0], p => (IReadOnlyList<string>)[.. p.Skip(1)], StringComparer.Ordinal);
        return [.. lines.Select(line =>
        {
            var status = ComposeOutput.Containers(new CommandResult(0, line, "", result.Duration)).Single();
            var imageId = ImageId(line, what, result);
            return new RunningContainer(status, imageId, digests.GetValueOrDefault(imageId, []));
        }).OrderBy(c => c.Status.Service, StringComparer.Ordinal).ThenBy(c => c.Status.Name, StringComparer.Ordinal)];
    }

    private static string ImageId(string line, string what, CommandResult result)
    {
        try
        {
            using var json = JsonDocument.Parse(line);
            return json.RootElement.GetProperty("imageId").GetString() ?? "";
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw UnexpectedOutputException.For(what, "a container line has no image id", result);
        }
    }
}
