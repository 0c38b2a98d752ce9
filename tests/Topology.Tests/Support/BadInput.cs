namespace Ktrdr.Deploy.Topology.Tests.Support;

/// <summary>
/// One mistake made in <see cref="ValidTopology.Yaml"/>: replace <see cref="Find"/> with <see cref="Replace"/>,
/// expect a problem for <see cref="Field"/> on the line containing <see cref="At"/>, mentioning <see cref="Words"/>.
/// </summary>
public sealed record BadInput(string Find, string Replace, string Field, string At, params string[] Words)
{
    /// <summary>Loads the edited topology and checks the expected problem (other problems may come with it).</summary>
    public Diagnostic AssertReported()
    {
        using var workspace = new TopologyWorkspace();
        var problems = workspace.Problems(ValidTopology.With(Find, Replace));
        return ProblemAssert.Single(problems, workspace.TopologyFile(), Field, At, Words);
    }
}

/// <summary>A named table of <see cref="BadInput"/>s, exposed to xUnit by name so that each is its own test.</summary>
public abstract class BadInputTable
{
    protected abstract IReadOnlyDictionary<string, BadInput> Cases { get; }

    protected void Check(string name) => Cases[name].AssertReported();
}
