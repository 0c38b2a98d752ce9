using Ktrdr.Deploy.Secrets.Providers;
using Ktrdr.Deploy.Secrets.Tests.Support;
using Ktrdr.Deploy.Topology;

namespace Ktrdr.Deploy.Secrets.Tests;

/// <summary>file:path against real files with real modes in a temporary repository root.</summary>
public sealed class FileProviderTests : IDisposable
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private readonly TempDirectory root = new();

    [Theory]
    [InlineData("s3cret", "s3cret")]
    [InlineData("s3cret\n", "s3cret")]
    [InlineData("s3cret\r\n", "s3cret")]
    [InlineData("s3cret\n\n", "s3cret\n")]
    [InlineData(" s3cret \n", " s3cret ")]
    public async Task Reads_a_file_relative_to_the_root_and_drops_one_trailing_newline(string content, string expected)
    {
        root.WriteFile("deploy/secrets/db_password", content, OwnerOnly);

        var value = await ReadAsync("deploy/secrets/db_password");

        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData(UnixFileMode.GroupRead, "640")]
    [InlineData(UnixFileMode.OtherRead, "604")]
    [InlineData(UnixFileMode.GroupWrite, "620")]
    public async Task A_file_open_to_group_or_others_is_refused_with_the_chmod_to_run(UnixFileMode extra, string shown)
    {
        var file = root.WriteFile("jwt", "value-that-must-not-leak", OwnerOnly | extra);

        var error = await Assert.ThrowsAsync<SecretReadException>(() => ReadAsync("jwt"));

        Assert.Equal($"file {file} is open to group or others (mode {shown}, expected 600)", error.Problem);
        Assert.Equal($"run: chmod 600 {file}", error.Remedy);
        Assert.DoesNotContain("value-that-must-not-leak", error.Message);
    }

    [Fact]
    public async Task A_missing_file_is_named_with_its_full_path()
    {
        var expected = Path.Combine(root.Path, "deploy", "missing");

        var error = await Assert.ThrowsAsync<SecretReadException>(() => ReadAsync("deploy/missing"));

        Assert.StartsWith($"file {expected} does not exist (file:deploy/missing, relative to the repository root", error.Problem);
        Assert.Contains($"chmod 600 {expected}", error.Remedy);
    }

    private Task<string> ReadAsync(string locator) =>
        new FileProvider(root.Path).ReadAsync(new SecretReference("X", SecretProvider.File, locator), CancellationToken.None);

    public void Dispose() => root.Dispose();
}
