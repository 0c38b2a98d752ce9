using Ktrdr.Deploy.Lab.Planning;
using Ktrdr.Deploy.Lab.Secrets;
using Ktrdr.Deploy.Lab.Tests.Support;
using Ktrdr.Deploy.Topology;

namespace Ktrdr.Deploy.Lab.Tests.Secrets;

public sealed class LabSecretsTests : IDisposable
{
    private readonly ScratchDirectory _root = new();
    private LabPaths Paths => LabPaths.For(_root.Path);
    private static IEnumerable<SecretReference> Declared => LabSamples.Topology.Secrets.Values;

    private string Value(string name) => File.ReadAllText(Path.Combine(Paths.SecretsDirectory, name));

    [Fact]
    public void Every_declared_secret_is_created_readable_by_its_owner_only()
    {
        var created = LabSecrets.Ensure(Paths, Declared);
        Assert.Equal(["DB_USER", "DB_PASSWORD", "JWT_SECRET", "GF_ADMIN_PASSWORD", "GHCR_TOKEN", "ALERT_RECEIVER_SECRET"], created);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Paths.SecretsDirectory));
        Assert.All(created, name => Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite,
            File.GetUnixFileMode(Path.Combine(Paths.SecretsDirectory, name))));
    }

    [Fact]
    public void Values_have_the_shape_each_consumer_needs()
    {
        LabSecrets.Ensure(Paths, Declared);
        Assert.Matches("^ktrdr_[0-9a-f]{6}$", Value("DB_USER"));
        Assert.Matches("^[A-Za-z0-9]{64}$", Value("JWT_SECRET"));
        Assert.Matches("^[A-Za-z0-9]{32}$", Value("DB_PASSWORD"));
        Assert.Matches("^[A-Za-z0-9]{32}$", Value("GHCR_TOKEN"));
        Assert.NotEqual(Value("DB_PASSWORD"), Value("GHCR_TOKEN"));
    }

    [Fact]
    public void Existing_secrets_are_kept_across_runs()
    {
        LabSecrets.Ensure(Paths, Declared);
        var token = Value("GHCR_TOKEN");
        File.Delete(Path.Combine(Paths.SecretsDirectory, "JWT_SECRET"));
        Assert.Equal(["JWT_SECRET"], LabSecrets.Ensure(Paths, Declared));
        Assert.Equal(token, Value("GHCR_TOKEN"));
        Assert.Equal(token, LabSecrets.Read(Paths, LabSamples.Topology.Secrets["GHCR_TOKEN"]));
    }

    [Fact]
    public void A_secret_outside_the_labs_folder_is_never_written()
    {
        var outside = new SecretReference("DB_PASSWORD", SecretProvider.File, "../elsewhere/DB_PASSWORD");
        var error = Assert.Throws<LabException>(() => LabSecrets.Ensure(Paths, [outside]));
        Assert.Contains("file:.artifacts/lab/secrets/DB_PASSWORD", error.Message);
        Assert.False(File.Exists(Path.Combine(_root.Path, "..", "elsewhere", "DB_PASSWORD")));
    }

    [Fact]
    public void Reading_a_missing_secret_says_to_run_LabUp() =>
        Assert.Contains("./build.sh LabUp", Assert.Throws<LabException>(() => LabSecrets.Read(Paths, LabSamples.Topology.Secrets["GHCR_TOKEN"])).Message);

    public void Dispose() => _root.Dispose();
}
