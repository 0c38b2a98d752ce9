using Ktrdr.Deploy.Rendering.Compose;

namespace Rendering.Tests;

public class VariableReferenceTests
{
    [Fact]
    public void Finds_every_form_with_its_line_and_column()
    {
        var refs = VariableReference.FindAll("a: ${A}\nb: ${B:-x} $C\nc: ${D:?must be set} ${E-y} ${F:+z}\n");
        Assert.Equal(["A", "B", "C", "D", "E", "F"], refs.Select(r => r.Name));
        Assert.Equal([VariableFallback.None, VariableFallback.Default, VariableFallback.None, VariableFallback.Required, VariableFallback.Default, VariableFallback.Alternative],
            refs.Select(r => r.Fallback));
        Assert.Equal((2, 4), (refs[1].Position.Line, refs[1].Position.Column));
        Assert.Equal("x", refs[1].Argument);
    }

    [Fact]
    public void Ignores_escaped_dollars_and_comments()
    {
        var refs = VariableReference.FindAll("test: [\"CMD-SHELL\", \"pg_isready -U $$POSTGRES_USER\"]  # uses ${NOT_THIS}\n# ${NOR_THIS}\n");
        Assert.Empty(refs);
    }

    [Fact]
    public void Keeps_a_hash_inside_quotes()
    {
        var refs = VariableReference.FindAll("x: \"a # ${INSIDE}\"\n");
        Assert.Equal("INSIDE", Assert.Single(refs).Name);
    }

    [Fact]
    public void Substitutes_values_and_applies_defaults_only_when_missing()
    {
        var values = new Dictionary<string, string> { ["HOST"] = "workers-b.lab", ["EMPTY"] = "" };
        Assert.Equal("http://workers-b.lab:5003", VariableReference.Substitute("http://${HOST:?x}:5003", values));
        Assert.Equal("fallback", VariableReference.Substitute("${MISSING:-fallback}", values));
        Assert.Equal("fallback", VariableReference.Substitute("${EMPTY:-fallback}", values));
        Assert.Equal("on", VariableReference.Substitute("${HOST:+on}", values));
        Assert.Equal("$literal", VariableReference.Substitute("$$literal", values));
    }
}
