using Ktrdr.Deploy.Secrets.Tests.Support;

namespace Ktrdr.Deploy.Secrets.Tests;

/// <summary>SecretStore over real files and real variables of this process (no op involved).</summary>
public sealed class SecretStoreTests : IDisposable
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private readonly TempDirectory root = new();
    private readonly string variable = $"KTRDR_SECRETS_STORE_{Guid.NewGuid():N}";

    [Fact]
    public async Task Fetches_each_name_from_its_own_provider()
    {
        Environment.SetEnvironmentVariable(variable, "ktrdr_user");
        root.WriteFile("secrets/jwt", new string('j', 32) + "\n", OwnerOnly);
        var environment = Topologies.WithSecrets(("DB_USER", $"env:{variable}"), ("JWT_SECRET", "file:secrets/jwt"));

        var set = await FetchAsync(environment, "DB_USER", "JWT_SECRET");

        Assert.Equal(["DB_USER", "JWT_SECRET"], set.Names);
        Assert.Equal("ktrdr_user", set["DB_USER"]);
        Assert.Equal(new string('j', 32), set["JWT_SECRET"]);
    }

    [Fact]
    public async Task A_jwt_secret_shorter_than_32_characters_is_refused_without_its_value_or_length()
    {
        var shortSecret = new string('s', 31);
        Environment.SetEnvironmentVariable(variable, shortSecret);

        var error = await FailAsync(Topologies.WithSecrets(("JWT_SECRET", $"env:{variable}")), "JWT_SECRET");

        var failure = Assert.Single(error.Failures);
        Assert.Equal("JWT_SECRET is shorter than 32 characters", failure.Problem);
        Assert.Equal($"env:{variable}", failure.Reference);
        Assert.DoesNotContain(shortSecret, error.Message);
        Assert.DoesNotContain("31 char", error.Message);
        Assert.DoesNotContain(" 31", error.Message);
    }

    [Theory]
    [InlineData("DB_PASSWORD", "localdev")]
    [InlineData("JWT_SECRET", "insecure-dev-secret")]
    [InlineData("GF_ADMIN_PASSWORD", "localdev\n")]
    public async Task A_value_equal_to_an_insecure_default_of_the_application_is_refused_naming_the_secret_not_the_value(string name, string value)
    {
        root.WriteFile("secrets/s", value, OwnerOnly);

        var error = await FailAsync(Topologies.WithSecrets((name, "file:secrets/s")), name);

        var failure = Assert.Single(error.Failures);
        Assert.Equal(name, failure.Name);
        Assert.Equal($"{name} is one of the application's public insecure default values", failure.Problem);
        Assert.DoesNotContain(value.Trim(), error.Message);
    }

    [Fact]
    public async Task A_jwt_secret_of_exactly_32_characters_is_accepted()
    {
        Environment.SetEnvironmentVariable(variable, new string('s', 32));

        var set = await FetchAsync(Topologies.WithSecrets(("JWT_SECRET", $"env:{variable}")), "JWT_SECRET");

        Assert.Equal(32, set["JWT_SECRET"].Length);
    }

    [Theory]
    [InlineData("\n")]
    [InlineData("   \n")]
    public async Task An_empty_value_is_refused(string content)
    {
        root.WriteFile("secrets/grafana", content, OwnerOnly);

        var error = await FailAsync(Topologies.WithSecrets(("GF_ADMIN_PASSWORD", "file:secrets/grafana")), "GF_ADMIN_PASSWORD");

        var failure = Assert.Single(error.Failures);
        Assert.Equal("GF_ADMIN_PASSWORD (file:secrets/grafana): the value is empty. What to do: store a non-empty value at file:secrets/grafana.", failure.ToString());
    }

    [Fact]
    public async Task A_name_the_environment_does_not_declare_is_named_with_its_topology_file()
    {
        var error = await FailAsync(Topologies.WithSecrets(), "GHCR_TOKEN");

        var failure = Assert.Single(error.Failures);
        Assert.Equal("not declared", failure.Reference);
        Assert.Equal($"environment test declares no secret GHCR_TOKEN under secrets: in {Topologies.SourceFile}", failure.Problem);
        Assert.StartsWith("add \"GHCR_TOKEN: op://<vault>/<item>/<field>\"", failure.Remedy);
    }

    private Task<SecretSet> FetchAsync(Topology.EnvironmentTopology environment, params string[] names) =>
        new SecretStore().FetchAsync(environment, names, root.Path);

    private Task<SecretsUnavailableException> FailAsync(Topology.EnvironmentTopology environment, params string[] names) =>
        Assert.ThrowsAsync<SecretsUnavailableException>(() => FetchAsync(environment, names));

    public void Dispose()
    {
        Environment.SetEnvironmentVariable(variable, null);
        root.Dispose();
    }
}
