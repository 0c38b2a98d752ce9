namespace Ktrdr.Deploy.Secrets.OnePassword;

/// <summary>The parts of <c>op://vault/item/field</c>, for messages that say which part to fix.</summary>
public sealed record OnePasswordReference(string Vault, string Item, string Field)
{
    public const string Scheme = "op://";

    public static OnePasswordReference Parse(string locator)
    {
        var parts = locator.StartsWith(Scheme, StringComparison.Ordinal) ? locator[Scheme.Length..].Split('/') : [];
        if (parts.Length < 3)
            throw new SecretReadException($"\"{locator}\" is not a 1Password reference",
                "write it as op://<vault>/<item>/<field> under secrets: in topology.yml");
        return new OnePasswordReference(parts[0], parts[1], parts[^1]);
    }
}
