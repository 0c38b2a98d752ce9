using System.Net.Sockets;
using Ktrdr.Deploy.Remote.Tests.Fixtures;

namespace Ktrdr.Deploy.Remote.Tests.Executors;

/// <summary>Atomic uploads and single-file reads/writes, checked on both executors.</summary>
[Collection(SshdCollection.Name)]
public sealed class FileTransferTests(SshServerFixture sshd) : IDisposable
{
    private static readonly UnixFileMode Private = Mode("600");
    private static readonly UnixFileMode Executable = Mode("755");
    private static readonly UnixFileMode ReadOnly = Mode("444");
    private readonly TempDirectory _local = new();
    private readonly TempDirectory _remote = new();

    private string Deploy => _remote["opt/ktrdr-core"];

    public void Dispose()
    {
        _local.Dispose();
        _remote.Dispose();
    }

    [Theory]
    [ClassData(typeof(ExecutorKinds))]
    public async Task Upload_replaces_the_content_keeps_the_previous_one_and_the_modes(string kind)
    {
        var first = Tree("v1", ("compose.yml", "v: 1\n", ReadOnly), ("secrets/.env", "A=1\n", Private), ("bin/run.sh", "#!/bin/sh\n", Executable));
        var second = Tree("v2", ("compose.yml", "v: 2\n", ReadOnly), (".hidden", "h", Private), ("empty/", "", Executable));
        await using var executor = await sshd.ExecutorAsync(kind);

        await executor.UploadDirectoryAsync(first, Deploy, CancellationToken.None);
        await executor.UploadDirectoryAsync(second, Deploy + "/", CancellationToken.None);

        Assert.Equal(Listing(second), Listing(Deploy));
        Assert.Equal(Listing(first), Listing(Deploy + ".previous"));
        Assert.Equal("v: 2\n", File.ReadAllText(Path.Combine(Deploy, "compose.yml")));
        Assert.Equal(["ktrdr-core", "ktrdr-core.previous"], Siblings());
    }

    [Theory]
    [ClassData(typeof(ExecutorKinds))]
    public async Task Upload_that_fails_midway_leaves_the_target_untouched(string kind)
    {
        var good = Tree("good", ("compose.yml", "v: 1\n", ReadOnly));
        var broken = Tree("broken", ("a-first.yml", "copied before the failure", ReadOnly), ("compose.yml", "v: 2\n", ReadOnly));
        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        socket.Bind(new UnixDomainSocketEndPoint(Path.Combine(broken, "zz.sock"))); // listed like a file, cannot be opened
        await using var executor = await sshd.ExecutorAsync(kind);
        await executor.UploadDirectoryAsync(good, Deploy, CancellationToken.None);

        var error = await Assert.ThrowsAsync<RemoteException>(() => executor.UploadDirectoryAsync(broken, Deploy, CancellationToken.None));

        Assert.Contains($"Upload of '{broken}' to", error.Message);
        Assert.Contains("could not copy 'zz.sock'", error.Message);
        Assert.Contains("was left as it was and the staging directory was removed", error.Message);
        Assert.Equal(Listing(good), Listing(Deploy));
        Assert.Equal(["ktrdr-core"], Siblings());
    }

    [Theory]
    [ClassData(typeof(ExecutorKinds))]
    public async Task Upload_of_a_missing_local_directory_says_so(string kind)
    {
        await using var executor = await sshd.ExecutorAsync(kind);

        var error = await Assert.ThrowsAsync<RemoteException>(() => executor.UploadDirectoryAsync(_local["nope"], Deploy, CancellationToken.None));

        Assert.Equal($"The local directory '{_local["nope"]}' to upload does not exist.", error.Message);
    }

    [Theory]
    [ClassData(typeof(ExecutorKinds))]
    public async Task Written_file_reads_back_identical_with_its_mode_and_no_leftovers(string kind)
    {
        var path = _remote["etc/ktrdr/app.env"];
        await using var executor = await sshd.ExecutorAsync(kind);

        await executor.WriteFileAsync(path, "old\n", (int)Executable, CancellationToken.None);
        await executor.WriteFileAsync(path, "KEY=välue ✓\n\nlast line without newline", (int)Private, CancellationToken.None);

        Assert.Equal("KEY=välue ✓\n\nlast line without newline", await executor.ReadFileAsync(path, CancellationToken.None));
        Assert.Equal(Private, File.GetUnixFileMode(path));
        Assert.Equal(["app.env"], Directory.GetFileSystemEntries(_remote["etc/ktrdr"]).Select(Path.GetFileName));
    }

    [Theory]
    [ClassData(typeof(ExecutorKinds))]
    public async Task Reading_a_missing_file_gives_null_and_a_directory_an_error(string kind)
    {
        await using var executor = await sshd.ExecutorAsync(kind);

        Assert.Null(await executor.ReadFileAsync(_remote["absent.txt"], CancellationToken.None));
        var error = await Assert.ThrowsAsync<RemoteException>(() => executor.ReadFileAsync(_remote.Path, CancellationToken.None));
        Assert.Contains($"{_remote.Path} exists but is not a regular file", error.Message);
    }

    [Theory]
    [ClassData(typeof(ExecutorKinds))]
    public async Task Relative_or_root_paths_are_refused(string kind)
    {
        await using var executor = await sshd.ExecutorAsync(kind);

        var relative = await Assert.ThrowsAsync<ArgumentException>(() => executor.WriteFileAsync("etc/app.env", "x", 420, CancellationToken.None));
        var root = await Assert.ThrowsAsync<ArgumentException>(() => executor.UploadDirectoryAsync(_local.Path, "/", CancellationToken.None));

        Assert.Contains("The file 'etc/app.env' on the target must be an absolute path", relative.Message);
        Assert.Contains("The directory '/' on the target must be an absolute path below '/'", root.Message);
    }

    [Theory]
    [ClassData(typeof(ExecutorKinds))]
    public async Task Mode_beyond_the_permission_bits_is_refused(string kind)
    {
        await using var executor = await sshd.ExecutorAsync(kind);

        var error = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(
            () => executor.WriteFileAsync(_remote["app.env"], "x", 0x1000, CancellationToken.None));

        Assert.Contains("Mode for '" + _remote["app.env"] + "' must be Unix permission bits between 0 and 07777", error.Message);
        Assert.False(File.Exists(_remote["app.env"]));
    }

    private string Tree(string name, params (string Path, string Content, UnixFileMode Mode)[] files)
    {
        var root = _local[name];
        Directory.CreateDirectory(root);
        foreach (var (relative, content, mode) in files)
        {
            var path = Path.Combine(root, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            if (relative.EndsWith('/'))
            {
                File.SetUnixFileMode(path, mode);
                continue;
            }

            File.WriteAllText(path, content);
            File.SetUnixFileMode(path, mode);
        }

        return root;
    }

    /// <summary>Every entry below a directory with its mode and, for files, its content.</summary>
    private static IEnumerable<string> Listing(string root) =>
        Directory.EnumerateFileSystemEntries(root, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 })
            .Select(path => $"{Path.GetRelativePath(root, path)} {Convert.ToString((int)File.GetUnixFileMode(path), 8)} " +
                            (Directory.Exists(path) ? "dir" : File.ReadAllText(path)))
            .Prepend($". {Convert.ToString((int)File.GetUnixFileMode(root), 8)}")
            .Order(StringComparer.Ordinal);

    private string[] Siblings() => [.. Directory.GetFileSystemEntries(_remote["opt"]).Select(Path.GetFileName).Order(StringComparer.Ordinal)!];

    private static UnixFileMode Mode(string octal) => (UnixFileMode)Convert.ToInt32(octal, 8);
}
