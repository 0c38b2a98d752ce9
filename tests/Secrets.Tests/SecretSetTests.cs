namespace Ktrdr.Deploy.Secrets.Tests;

public sealed class SecretSetTests
{
    private readonly SecretSet set = new([
        KeyValuePair.Create("JWT_SECRET", "jwt-value-never-printed-0123456789"),
        KeyValuePair.Create("DB_PASSWORD", "db-value-never-printed"),
    ]);

    [Fact]
    public void ToString_lists_names_never_values()
    {
        Assert.Equal("SecretSet(2: DB_PASSWORD, JWT_SECRET)", set.ToString());
        Assert.Equal("SecretSet(2: DB_PASSWORD, JWT_SECRET)", $"{set}");
    }

    [Fact]
    public void For_hands_over_exactly_the_names_asked_for()
    {
        var environment = set.For(["DB_PASSWORD", "DB_PASSWORD"]);

        Assert.Equal(new Dictionary<string, string> { ["DB_PASSWORD"] = "db-value-never-printed" }, environment);
    }

    [Fact]
    public void Asking_for_a_name_not_fetched_names_it_and_shows_no_value()
    {
        var error = Assert.Throws<KeyNotFoundException>(() => set.For(["DB_PASSWORD", "GHCR_TOKEN"]));

        Assert.StartsWith("secret(s) GHCR_TOKEN were not fetched in this run (fetched: DB_PASSWORD, JWT_SECRET)", error.Message);
        Assert.DoesNotContain("never-printed", error.Message);
    }

    [Fact]
    public void Values_hold_every_value_for_the_masker()
    {
        Assert.Equal(["db-value-never-printed", "jwt-value-never-printed-0123456789"], set.Values.Order());
    }
}
