using Ktrdr.Deploy.Lab.Planning;

namespace Ktrdr.Deploy.Lab.Tests.Planning;

public sealed class LabIdTests
{
    [Fact]
    public void A_checkout_gets_six_hex_characters_that_stay_the_same()
    {
        var id = LabId.ForCheckout("/work/main");
        Assert.Matches("^[0-9a-f]{6}$", id);
        Assert.Equal(id, LabId.ForCheckout("/work/main/"));
        Assert.Equal(id, LabId.Resolve(null, "/work/main"));
    }

    [Fact]
    public void Two_checkouts_get_different_ids() =>
        Assert.NotEqual(LabId.ForCheckout("/work/main"), LabId.ForCheckout("/tmp/ci-clone/main"));

    [Fact]
    public void A_given_id_wins_over_the_checkout_id() => Assert.Equal("ci7", LabId.Resolve("ci7", "/work/main"));

    [Theory]
    [InlineData("Lab1")]
    [InlineData("a-b")]
    [InlineData("lab_1")]
    [InlineData("abcdefghijklm")]
    public void An_id_that_cannot_be_part_of_a_name_is_refused_with_the_rule(string id)
    {
        var error = Assert.Throws<LabException>(() => LabId.Resolve(id, "/work/main"));
        Assert.Contains("--lab-id", error.Message);
        Assert.Contains($"\"{id}\"", error.Message);
        Assert.Contains("lowercase letters or digits", error.Message);
    }
}
