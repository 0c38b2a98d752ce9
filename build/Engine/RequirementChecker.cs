namespace BuildEngine;

/// <summary>
/// Checks every Requires(...) of the targets that will run, before anything runs. Each unmet requirement is
/// reported once, naming every planned target that needs it.
/// </summary>
public static class RequirementChecker
{
    public static void Check(ExecutionPlan plan, BuildModel model)
    {
        var unmet = plan.ToRun
            .SelectMany(planned => planned.Target.Requirements.Select(requirement => (planned.Target, Requirement: requirement)))
            .Where(entry => !IsMet(entry.Target, entry.Requirement))
            .GroupBy(entry => entry.Requirement.Text)
            .Select(group => Describe(group.First().Requirement, group.Select(e => e.Target.Name).Distinct().ToList(), model))
            .ToList();
        if (unmet.Count > 0)
            throw new UsageException(string.Join(Environment.NewLine, unmet));
    }

    private static bool IsMet(ExecutableTarget target, TargetRequirement requirement)
    {
        try
        {
            return requirement.IsMet();
        }
        catch (Exception exception)
        {
            throw new UsageException(
                $"Target {target.Name}: Requires({requirement.Text}) threw {exception.GetType().Name}: {exception.Message}");
        }
    }

    private static string Describe(TargetRequirement requirement, IReadOnlyList<string> targets, BuildModel model)
    {
        var neededBy = $"(needed by {string.Join(", ", targets)})";
        var parameter = model.Parameters.FirstOrDefault(p => p.Name == requirement.ParameterName);
        if (parameter is null)
            return $"Requirement not met: {requirement.Text} {neededBy}.";
        var variables = string.Join(" or ", parameter.EnvironmentVariables(model.EnvironmentPrefix));
        return $"Missing required parameter {parameter.CliName} {neededBy}. Set it with {parameter.CliName} <value>, "
               + $"environment variable {variables}, or \"{parameter.Name}\" in {ParameterFiles.DefaultPath}.";
    }
}
