namespace Ktrdr.Deploy.Remote.Tests.Fixtures;

[CollectionDefinition(Name)]
public sealed class SshdCollection : ICollectionFixture<SshServerFixture>
{
    public const string Name = "sshd";
}

/// <summary>The executors every contract test runs against: the same cases over SSH and on this machine.</summary>
public sealed class ExecutorKinds : TheoryData<string>
{
    public ExecutorKinds()
    {
        Add("ssh");
        Add("local");
    }
}
