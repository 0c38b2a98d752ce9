using Ktrdr.Deploy.Images.Tests.Support;

namespace Ktrdr.Deploy.Images.Tests;

public sealed class ImageCommandsDeclaredArgumentsTests
{
    [Fact]
    public void Both_forms_of_ARG_are_read_and_nothing_else()
    {
        const string dockerfile = """
            # ARG COMMENTED is only a comment
            ARG BASE_IMAGE
            FROM ${BASE_IMAGE}
              ARG   REVISION=unknown
            arg lower=1
            ENV NOT_AN_ARG=1
            LABEL ARGUMENT="no"
            ARG SOURCE=https://github.com/kpiteira/ktrdr
            ARG VERSION=
            """;

        Assert.Equal(["BASE_IMAGE", "REVISION", "SOURCE", "VERSION", "lower"],
            ImageCommands.DeclaredArguments(dockerfile).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Windows_line_endings_do_not_leak_into_names() =>
        Assert.Equal(["BASE_IMAGE", "VERSION"], ImageCommands.DeclaredArguments("ARG BASE_IMAGE\r\nFROM ${BASE_IMAGE}\r\nARG VERSION=\r\n").Order(StringComparer.Ordinal));

    [Theory]
    [InlineData("docker/standin/Dockerfile", true)]
    [InlineData("docker/lab/postgres/Dockerfile", true)]
    [InlineData("docker/lab/prometheus/Dockerfile", true)]
    [InlineData("docker/Dockerfile", false)]
    public void The_lab_dockerfiles_start_from_the_lab_base_and_the_homelab_one_does_not(string dockerfile, bool wantsBase) =>
        Assert.Equal(wantsBase, ImageCommands.WantsBaseImage(File.ReadAllText(Path.Combine(Samples.DeployRoot, dockerfile))));
}
