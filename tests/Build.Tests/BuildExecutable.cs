namespace Build.Tests;

/// <summary>
/// The build under test, as the process ./build.sh starts. This project only orders the build after _build.csproj
/// (ReferenceOutputAssembly=false): no test reaches a type inside it, every test runs the executable.
/// </summary>
internal static class BuildExecutable
{
    /// <summary>_build.dll in its own output folder (.artifacts/dotnet/bin/_build/&lt;configuration&gt;), beside its layers.</summary>
    public static string Dll { get; } = Locate();

    private static string Locate()
    {
        var here = AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar);   // .../bin/Build.Tests/<configuration>
        var dll = Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(here))!, "_build", Path.GetFileName(here), "_build.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException($"the build under test was not built: {dll}");
    }
}
