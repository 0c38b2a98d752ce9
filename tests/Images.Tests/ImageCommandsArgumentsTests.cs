using Ktrdr.Deploy.Images.Tests.Support;

namespace Ktrdr.Deploy.Images.Tests;

public sealed class ImageCommandsArgumentsTests
{
    [Fact]
    public void Revision_version_and_source_are_always_passed_and_the_base_image_only_when_asked()
    {
        var arguments = ImageCommands.Arguments(Samples.Settings(version: "2.3.4", baseImage: Samples.Base), wantsBaseImage: false);

        Assert.Equal(["REVISION", "SOURCE", "VERSION"], arguments.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(Samples.Commit, arguments["REVISION"]);
        Assert.Equal(Samples.SourceUrl, arguments["SOURCE"]);
        Assert.Equal("2.3.4", arguments["VERSION"]);
    }

    [Fact]
    public void A_dockerfile_on_the_lab_base_gets_its_reference_and_its_id()
    {
        var arguments = ImageCommands.Arguments(Samples.Settings(baseImage: Samples.Base), wantsBaseImage: true);

        Assert.Equal(["BASE_IMAGE", "BASE_IMAGE_ID", "REVISION", "SOURCE", "VERSION"], arguments.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(Samples.Base.Reference, arguments["BASE_IMAGE"]);
        Assert.Equal(Samples.Base.Id, arguments["BASE_IMAGE_ID"]);
    }

    [Fact]
    public void A_dockerfile_on_the_lab_base_without_the_lab_says_to_run_LabUp()
    {
        var e = Assert.Throws<ImageException>(() => ImageCommands.Arguments(Samples.Settings(baseImage: null), wantsBaseImage: true));
        Assert.Contains("LabUp", e.Message, StringComparison.Ordinal);
        Assert.Contains("BASE_IMAGE", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_version_the_dockerfile_default_stands() =>
        Assert.False(ImageCommands.Arguments(Samples.Settings(version: null), wantsBaseImage: false).ContainsKey("VERSION"));
}
