using Ktrdr.Deploy.Secrets.Providers;
using Ktrdr.Deploy.Topology;

namespace Ktrdr.Deploy.Secrets.Tests;

/// <summary>env:NAME against real variables of this process; each test uses its own variable name.</summary>
public sealed class EnvironmentProviderTests : IDisposable
{
    private readonly string variable = $"KTRDR_SECRETS_TEST_{Guid.NewGuid():N}";

    [Fact]
    public async Task Reads_the_variable_of_the_build_process()
    {
        Environment.SetEnvironmentVariable(variable, "pa$$ word with spaces ");

        var value = await new EnvironmentProvider().ReadAsync(Reference(), CancellationToken.None);

        Assert.Equal("pa$$ word with spaces ", value);
    }

    [Fact]
    public async Task A_missing_variable_is_named_with_how_to_set_it()
    {
        var error = await Assert.ThrowsAsync<SecretReadException>(
            () => new EnvironmentProvider().ReadAsync(Reference(), CancellationToken.None));

        Assert.Equal($"environment variable {variable} is not set", error.Problem);
        Assert.Contains($"export {variable}=", error.Remedy);
    }

    private SecretReference Reference() => new("DB_PASSWORD", SecretProvider.Environment, variable);

    public void Dispose() => Environment.SetEnvironmentVariable(variable, null);
}
