namespace Ktrdr.Deploy.Images.Tests;

public sealed class ImageCommandsInputsTagTests
{
    [Theory]
    [InlineData("3f1c9a7be04d2c5688aa0e1f2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e", "inputs-3f1c9a7be04d")]
    [InlineData("000000000000ffffffffffffffffffffffffffffffffffffffffffffffffffff", "inputs-000000000000")]
    [InlineData("abcdef012345", "inputs-abcdef012345")]
    public void InputsTag_is_inputs_and_the_first_12_hex_characters(string hash, string expected) =>
        Assert.Equal(expected, ImageCommands.InputsTag(hash));

    [Fact]
    public void Hashes_that_differ_only_after_12_characters_share_a_tag_and_those_that_differ_before_do_not()
    {
        var hash = new string('a', 64);

        Assert.Equal(ImageCommands.InputsTag(hash), ImageCommands.InputsTag(new string('a', 12) + new string('b', 52)));
        Assert.NotEqual(ImageCommands.InputsTag(hash), ImageCommands.InputsTag(new string('a', 11) + new string('b', 53)));
        Assert.Equal(19, ImageCommands.InputsTag(hash).Length);
    }
}
