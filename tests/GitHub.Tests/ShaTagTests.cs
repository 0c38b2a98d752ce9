namespace Ktrdr.Deploy.GitHub.Tests;

/// <summary>The sha → tag rule CI tags images by.</summary>
public sealed class ShaTagTests
{
    [Theory]
    [InlineData("acb5820ced9479c074f688cc328bf03f341a511d", "sha-acb5820")]
    [InlineData("ACB5820CED9479C074F688CC328BF03F341A511D", "sha-acb5820")]
    [InlineData("1a2b3c4", "sha-1a2b3c4")]
    public void A_commit_sha_gives_sha_and_its_first_seven_hex_digits(string sha, string tag) =>
        Assert.Equal(tag, ShaTag.From(sha));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("1a2b3c")]
    [InlineData("not-a-sha-at-all")]
    [InlineData("sha-1a2b3c4")]
    public void Anything_else_gives_no_tag(string? sha) =>
        Assert.Null(ShaTag.From(sha));

    [Theory]
    [InlineData("latest-green", true)]
    [InlineData("LATEST-GREEN", true)]
    [InlineData("sha-1a2b3c4", false)]
    [InlineData(null, false)]
    public void Latest_green_is_asked_for_by_its_keyword(string? tag, bool requested) =>
        Assert.Equal(requested, LatestGreen.IsRequested(tag));
}
