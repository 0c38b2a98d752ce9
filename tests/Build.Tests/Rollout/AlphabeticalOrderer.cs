using Xunit.Abstractions;
using Xunit.Sdk;

namespace Build.Tests.Rollout;

/// <summary>Runs a class's tests in the order of their names (A1_, A2_, ...): the rollout tests are steps of one story on one lab.</summary>
public sealed class AlphabeticalOrderer : ITestCaseOrderer
{
    public const string TypeName = "Build.Tests.Rollout.AlphabeticalOrderer";
    public const string AssemblyName = "Build.Tests";

    public IEnumerable<TTestCase> OrderTestCases<TTestCase>(IEnumerable<TTestCase> testCases) where TTestCase : ITestCase =>
        testCases.OrderBy(t => t.TestMethod.Method.Name, StringComparer.Ordinal);
}
