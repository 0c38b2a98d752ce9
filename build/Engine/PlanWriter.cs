namespace BuildEngine;

/// <summary><c>--plan</c>: the ordered targets, why each is there, what would be skipped, and the parameter values.</summary>
public static class PlanWriter
{
    public static void Write(TextWriter output, ExecutionPlan plan, IReadOnlyList<BoundParameter> parameters)
    {
        output.WriteLine($"Plan ({plan.Targets.Count} targets, nothing is run):");
        var width = plan.Targets.Select(t => t.Target.Name.Length).DefaultIfEmpty(0).Max();
        var number = 0;
        foreach (var planned in plan.Targets)
        {
            var status = planned.IsSkipped ? $"  SKIP: {planned.SkipReason}" : RunsOnlyIf(planned.Target);
            output.WriteLine($"  {++number,2}. {planned.Target.Name.PadRight(width)}  {planned.Reason}{status}");
        }

        var given = parameters.Where(p => p.Source is not null || TargetRequirement.HasValue(p.Value)).ToList();
        if (given.Count > 0)
        {
            output.WriteLine("Parameters:");
            foreach (var bound in given)
                output.WriteLine($"  {bound.Parameter.CliName} = {ParameterDisplay.Value(bound.Value, bound.Parameter.IsSecret) ?? "(none)"}"
                                 + $" ({(bound.Source is null ? "default" : "from " + bound.Source)})");
        }

        output.Flush();
    }

    private static string RunsOnlyIf(ExecutableTarget target) =>
        target.DynamicConditions.Count == 0
            ? ""
            : $"  (runs only if OnlyWhenDynamic: {string.Join(" and ", target.DynamicConditions.Select(c => c.Text))})";
}
