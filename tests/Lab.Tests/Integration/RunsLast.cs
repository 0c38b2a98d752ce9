using Xunit.Abstractions;
using Xunit.Sdk;

namespace Ktrdr.Deploy.Lab.Tests.Integration;

/// <summary>Marks the test that takes the lab down: it must run after every test that uses the lab.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RunsLastAttribute : Attribute;

/// <summary>Keeps the tests' order, but moves those marked <see cref="RunsLastAttribute"/> to the end.</summary>
public sealed class RunsLastOrderer : ITestCaseOrderer
{
    public const string TypeName = "Ktrdr.Deploy.Lab.Tests.Integration.RunsLastOrderer";
    public const string AssemblyName = "Lab.Tests";

    public IEnumerable<TTestCase> OrderTestCases<TTestCase>(IEnumerable<TTestCase> testCases) where TTestCase : ITestCase =>
        testCases.OrderBy(t => t.TestMethod.Method.GetCustomAttributes(typeof(RunsLastAttribute).AssemblyQualifiedName).Any() ? 1 : 0);
}
