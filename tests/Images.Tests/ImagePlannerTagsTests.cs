using Ktrdr.Deploy.Images.Tests.Support;

namespace Ktrdr.Deploy.Images.Tests;

public sealed class ImagePlannerTagsTests
{
    [Fact]
    public void The_version_is_the_second_tag() =>
        Assert.Equal(["sha-1a2b3c4", "2.3.4"], ImagePlanner.Tags(Samples.Settings("sha-1a2b3c4", "2.3.4")));

    [Fact]
    public void A_version_equal_to_the_tag_is_not_repeated() =>
        Assert.Equal(["2.3.4"], ImagePlanner.Tags(Samples.Settings("2.3.4", "2.3.4")));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void Without_a_version_the_deploy_tag_is_the_only_tag(string? version) =>
        Assert.Equal(["sha-1a2b3c4"], ImagePlanner.Tags(Samples.Settings("sha-1a2b3c4", version)));
}
