namespace Ktrdr.Deploy.Remote.Tests.Fixtures;

/// <summary>The command lines (and environments) of every process on this machine, read from /proc.</summary>
public static class ProcessTable
{
    public static IReadOnlyDictionary<int, string> CommandLines()
    {
        var lines = new Dictionary<int, string>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(directory), out var pid) && TryRead(Path.Combine(directory, "cmdline")) is { } line)
            {
                lines[pid] = line;
            }
        }

        return lines;
    }

    public static string? Environment(int pid) => TryRead($"/proc/{pid}/environ");

    private static string? TryRead(string path)
    {
        try
        {
            return File.ReadAllText(path).Replace('\0', ' ');
        }
        catch (IOException)
        {
            return null; // the process ended while we looked
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
