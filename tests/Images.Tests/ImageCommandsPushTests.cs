using Ktrdr.Deploy.Images.Tests.Support;

namespace Ktrdr.Deploy.Images.Tests;

public sealed class ImageCommandsPushTests
{
    private static readonly string DigestA = "sha256:" + "3f1c9a7be04d2c56" + "88aa0e1f2b3c4d5e" + "6f708192a3b4c5d6" + "e7f8091a2b3c4d5e";
    private static readonly string DigestB = "sha256:" + new string('9', 64);

    private static readonly ImageRecipe Backend = new("ktrdr", "ktrdr-backend", "/d/Dockerfile", "/d/src", ContextKind.DotnetPublish);

    [Theory]
    [InlineData("127.0.0.1:5000/ktrdr", "127.0.0.1:5000/ktrdr/ktrdr-backend:sha-1a2b3c4")]
    [InlineData("127.0.0.1:5000/ktrdr/", "127.0.0.1:5000/ktrdr/ktrdr-backend:sha-1a2b3c4")]
    [InlineData("ghcr.io/kpiteira", "ghcr.io/kpiteira/ktrdr-backend:sha-1a2b3c4")]
    public void The_remote_name_is_registry_repository_and_tag(string registry, string expected) =>
        Assert.Equal(expected, ImageCommands.Remote(registry, Backend, "sha-1a2b3c4"));

    [Fact]
    public void The_pushed_digest_is_the_one_docker_push_printed_last()
    {
        var output = $"""
            The push refers to repository [127.0.0.1:5000/ktrdr/ktrdr-backend]
            5f70bf18a086: Preparing
            a3b1c9d2e4f5: Preparing
            5f70bf18a086: Layer already exists
            a3b1c9d2e4f5: Pushed
            1.0.0: digest: {DigestB} size: 1570
            sha-1a2b3c4: digest: {DigestA} size: 1570

            """.Replace("\n", "\r\n", StringComparison.Ordinal);

        Assert.Equal(DigestA, ImageCommands.PushedDigest(output));
    }

    [Fact]
    public void A_single_tag_push_gives_its_digest() =>
        Assert.Equal(DigestA, ImageCommands.PushedDigest($"a3b1c9d2e4f5: Pushed\nsha-1: digest: {DigestA} size: 528\n"));

    [Theory]
    [InlineData("")]
    [InlineData("The push refers to repository [ghcr.io/kpiteira/ktrdr-backend]\n5f70bf18a086: Pushed\n")]
    [InlineData("Digest: sha256:0000000000000000000000000000000000000000000000000000000000000000\n")]
    public void Output_without_a_push_digest_gives_none(string output) =>
        Assert.Null(ImageCommands.PushedDigest(output));
}
