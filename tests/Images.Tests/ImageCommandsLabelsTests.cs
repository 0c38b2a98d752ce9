using Ktrdr.Deploy.Images.Tests.Support;

namespace Ktrdr.Deploy.Images.Tests;

public sealed class ImageCommandsLabelsTests
{
    [Fact]
    public void The_oci_labels_carry_the_revision_the_source_and_the_version()
    {
        var labels = ImageCommands.Labels(Samples.Settings("sha-1a2b3c4", "2.3.4"));

        Assert.Equal(3, labels.Count);
        Assert.Equal(Samples.Commit, labels["org.opencontainers.image.revision"]);
        Assert.Equal(Samples.SourceUrl, labels["org.opencontainers.image.source"]);
        Assert.Equal("2.3.4", labels["org.opencontainers.image.version"]);
    }

    [Fact]
    public void Without_a_version_the_version_label_is_the_tag() =>
        Assert.Equal("sha-1a2b3c4", ImageCommands.Labels(Samples.Settings("sha-1a2b3c4", version: null))[ImageCommands.Version]);
}
