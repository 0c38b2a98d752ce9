namespace BuildEngine;

/// <summary>A target resolved from its declaration: names, relations to other targets, conditions and actions.</summary>
public sealed class ExecutableTarget(string name, int declarationIndex)
{
    public string Name { get; } = name;

    /// <summary>Position of the property in the build class; breaks ties when ordering.</summary>
    public int DeclarationIndex { get; } = declarationIndex;

    public string Description { get; set; } = "";
    public List<ExecutableTarget> DependsOn { get; } = [];
    public List<ExecutableTarget> After { get; } = [];
    public List<ExecutableTarget> Before { get; } = [];
    public List<ExecutableTarget> Triggers { get; } = [];
    public List<ExecutableTarget> TriggeredBy { get; } = [];
    public List<TargetCondition> StaticConditions { get; } = [];
    public List<TargetCondition> DynamicConditions { get; } = [];
    public List<TargetRequirement> Requirements { get; } = [];
    public List<string> UsedParameters { get; } = [];
    public List<Func<CancellationToken, Task>> Actions { get; } = [];
    public bool ProceedAfterFailure { get; set; }
    public bool AssuredAfterFailure { get; set; }
    public bool Unlisted { get; set; }
    public bool IsDefault { get; set; }

    public override string ToString() => Name;
}
