namespace Ktrdr.Deploy.Topology;

public enum SecretProvider { OnePassword, Environment, File }

/// <summary>
/// Where a secret's value comes from — never the value. Written in topology.yml as
/// <c>op://vault/item/field</c>, <c>env:NAME</c> or <c>file:path</c> (path relative to the repository root).
/// </summary>
public sealed record SecretReference(string Name, SecretProvider Provider, string Locator)
{
    public override string ToString() => Provider switch
    {
        SecretProvider.OnePassword => Locator,          // already op://...
        SecretProvider.Environment => $"env:{Locator}",
        _ => $"file:{Locator}",
    };
}
