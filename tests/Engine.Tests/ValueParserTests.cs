using BuildEngine;
using Engine.Tests.Support;

namespace Engine.Tests;

public class ValueParserTests
{
    [Theory]
    [InlineData("true", true)]
    [InlineData("FALSE", false)]
    [InlineData("1", true)]
    public void Bool_accepts_true_and_false_values(string text, bool expected) =>
        Assert.Equal(expected, ValueParser.Parse(typeof(bool), [text]));

    [Fact]
    public void A_bare_bool_flag_means_true() => Assert.Equal(true, ValueParser.Parse(typeof(bool), []));

    [Fact]
    public void A_bare_flag_for_a_non_bool_needs_a_value()
    {
        var error = Assert.Throws<ParameterValueException>(() => ValueParser.Parse(typeof(int), []));
        Assert.Equal("needs a value", error.Message);
    }

    [Theory]
    [InlineData("90s", 90)]
    [InlineData("5m", 300)]
    [InlineData("1h", 3600)]
    [InlineData("1h30m", 5400)]
    [InlineData("00:01:30", 90)]
    public void Durations_accept_units_and_clock_format(string text, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), ValueParser.Parse(typeof(TimeSpan), [text]));

    [Theory]
    [InlineData("soon")]
    [InlineData("5")]
    [InlineData("5x")]
    public void Bad_durations_explain_the_accepted_forms(string text)
    {
        var error = Assert.Throws<ParameterValueException>(() => ValueParser.Parse(typeof(TimeSpan), [text]));
        Assert.Equal($"\"{text}\" is not a duration ({Duration.Hint})", error.Message);
    }

    [Theory]
    [InlineData("homelab")]
    [InlineData("home-lab")]
    [InlineData("HOMELAB")]
    public void Enums_match_case_insensitively_and_in_kebab_case(string text) =>
        Assert.Equal(Stage.HomeLab, ValueParser.Parse(typeof(Stage), [text]));

    [Fact]
    public void A_bad_enum_value_lists_the_allowed_values()
    {
        var error = Assert.Throws<ParameterValueException>(() => ValueParser.Parse(typeof(Stage), ["staging"]));
        Assert.Equal("\"staging\" is not one of: dev, home-lab, production", error.Message);
    }

    [Fact]
    public void String_arrays_take_comma_separated_and_repeated_values() =>
        Assert.Equal(new[] { "a", "b", "c" }, ValueParser.Parse(typeof(string[]), ["a, b", "c"]));

    [Fact]
    public void Nullable_values_parse_as_their_underlying_type() =>
        Assert.Equal(3, ValueParser.Parse(typeof(int?), ["3"]));

    [Fact]
    public void A_scalar_given_twice_is_an_error()
    {
        var error = Assert.Throws<ParameterValueException>(() => ValueParser.Parse(typeof(string), ["a", "b"]));
        Assert.Equal("was given 2 values (\"a\", \"b\") but takes one", error.Message);
    }

    [Theory]
    [InlineData(typeof(double))]
    [InlineData(typeof(DateTime))]
    public void Unsupported_types_are_refused(Type type) => Assert.False(ValueParser.Supports(type));
}
