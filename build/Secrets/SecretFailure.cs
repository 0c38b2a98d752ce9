namespace Ktrdr.Deploy.Secrets;

/// <summary>Why one secret is unavailable: its name, where it was looked for, what is wrong and what to do. Never a value.</summary>
public sealed record SecretFailure(string Name, string Reference, string Problem, string Remedy)
{
    public override string ToString() => $"{Name} ({Reference}): {Problem}. What to do: {Remedy}.";
}
