namespace BuildEngine;

/// <summary>Which parameter files a run reads: <c>.nuke/parameters.&lt;profile&gt;.json</c> (with --profile), then <c>.nuke/parameters.json</c>.</summary>
public static class ParameterFiles
{
    public const string DefaultPath = ".nuke/parameters.json";

    /// <summary>The files to read, highest precedence first: the profile's (must exist when asked for), then the default.</summary>
    public static IReadOnlyList<ParametersFile> LoadAll(string root, string? profile)
    {
        var files = new List<ParametersFile>();
        if (profile is not null)
        {
            var path = $".nuke/parameters.{profile}.json";
            if (!File.Exists(Path.Combine(root, path)))
                throw new UsageException($"--profile {profile}: {path} does not exist. Profiles found: {Profiles(root)}.");
            files.Add(ParametersFile.Load(root, path));
        }

        if (File.Exists(Path.Combine(root, DefaultPath)))
            files.Add(ParametersFile.Load(root, DefaultPath));
        return files;
    }

    private static string Profiles(string root)
    {
        var directory = Path.Combine(root, ".nuke");
        var names = Directory.Exists(directory)
            ? Directory.GetFiles(directory, "parameters.*.json").Select(f => Path.GetFileName(f)["parameters.".Length..^".json".Length]).Order().ToList()
            : [];
        return names.Count == 0 ? "(none)" : string.Join(", ", names);
    }
}
