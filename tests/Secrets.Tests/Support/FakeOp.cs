using Ktrdr.Deploy.Secrets.OnePassword;

namespace Ktrdr.Deploy.Secrets.Tests.Support;

/// <summary>
/// A fake <c>op</c> for one test: a symlink to the shared <see cref="FakeOpScript"/> in a fresh directory that
/// holds its vaults and its call log. The shared script is written once per test run, before any test starts it,
/// so no process is ever forked while an executable is open for writing ("text file busy").
/// </summary>
public sealed class FakeOp : IDisposable
{
    public const string ValidToken = "ops_eyJmYWtlIjoidG9rZW4ifQ";

    private static readonly Lazy<string> SharedScript = new(WriteSharedScript);
    private readonly TempDirectory directory = new();

    public FakeOp()
    {
        Executable = Path.Combine(directory.Path, "op");
        File.CreateSymbolicLink(Executable, SharedScript.Value);
    }

    public string Executable { get; }

    /// <summary>Options pointing at this fake, with a valid service-account token unless told otherwise.</summary>
    public OnePasswordOptions Options(string? token = ValidToken, int maxConcurrentReads = 4, TimeSpan? timeout = null) => new()
    {
        Executable = Executable,
        ServiceAccountToken = token,
        MaxConcurrentReads = maxConcurrentReads,
        Timeout = timeout ?? TimeSpan.FromSeconds(30),
    };

    public FakeOp WithField(string vault, string item, string field, string value)
    {
        directory.WriteFile(Path.Combine("vaults", vault, item, field), value);
        return this;
    }

    public FakeOp SignedIn() => Mark("signed-in", "");

    public FakeOp Revoked(string token) => Mark("revoked", token + "\n");

    public FakeOp Hanging() => Mark("hang", "");

    /// <summary>Each read waits until <paramref name="reads"/> reads are running at once (and fails if they never are).</summary>
    public FakeOp Barrier(int reads) => Mark("barrier", reads.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>The argument lines of every call, in order.</summary>
    public IReadOnlyList<string> Calls
    {
        get
        {
            var log = Path.Combine(directory.Path, "calls.log");
            return File.Exists(log) ? File.ReadAllLines(log) : [];
        }
    }

    public void Dispose() => directory.Dispose();

    private FakeOp Mark(string name, string content)
    {
        directory.WriteFile(name, content);
        return this;
    }

    private static string WriteSharedScript()
    {
        var folder = Directory.CreateTempSubdirectory("ktrdr-fake-op-").FullName;
        var script = Path.Combine(folder, "op.sh");
        File.WriteAllText(script, FakeOpScript.Text.ReplaceLineEndings("\n") + "\n");
        File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute |
            UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Directory.Delete(folder, recursive: true);
        return script;
    }
}
