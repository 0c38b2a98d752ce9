namespace BuildEngine;

/// <summary>A target as declared on a build class: <c>Target Compile => _ => _.Executes(...);</c></summary>
public delegate ITargetDefinition Target(ITargetDefinition _);
