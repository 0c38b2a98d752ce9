using System.Globalization;
using Ktrdr.Deploy.Commands.Output;
using Ktrdr.Deploy.Remote;

namespace Ktrdr.Deploy.Commands.Layout;

/// <summary>Reads the <c>path|type|uid|gid|mode</c> lines of an inspection. Fields are taken from the right, so a '|' in a path is kept.</summary>
internal static class LayoutOutput
{
    private const string What = "shared tree inspection";

    public static LayoutInspection Inspection(CommandResult result)
    {
        if (!result.Succeeded) throw UnexpectedOutputException.For(What, "the tree could not be read", result);
        return new LayoutInspection(OutputText.Lines(result.StandardOutput).Select(line => Entry(line, result)).ToList());
    }

    private static PathState Entry(string line, CommandResult result)
    {
        var fields = line.Split('|');
        if (fields.Length < 5) throw Problem($"expected 'path|type|uid|gid|mode', found '{line}'", result);
        var path = string.Join('|', fields[..^4]);
        var (type, uid, gid, mode) = (fields[^4], fields[^3], fields[^2], fields[^1]);
        if (type == "missing") return new PathState(path, PathKind.Missing, -1, -1, 0);
        if (!int.TryParse(uid, CultureInfo.InvariantCulture, out var u) || !int.TryParse(gid, CultureInfo.InvariantCulture, out var g) ||
            !OctalMode.TryParse(mode, out var m))
            throw Problem($"uid, gid and octal mode expected in '{line}'", result);
        return new PathState(path, Kind(type), u, g, m);
    }

    private static PathKind Kind(string statType) => statType switch
    {
        "directory" => PathKind.Directory,
        "regular file" or "regular empty file" => PathKind.File,
        _ => PathKind.Other,
    };

    private static UnexpectedOutputException Problem(string problem, CommandResult result) =>
        UnexpectedOutputException.For(What, problem, result);
}
