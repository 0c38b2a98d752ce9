using BuildEngine;
using Ktrdr.Deploy.Rendering.AppEnv;
using Serilog;

namespace Ktrdr.Deploy.EntryPoints;

/// <summary>Prints what CheckAppEnv found and fails the target when a deploy file or the checkout needs a change.</summary>
public static class AppEnvReport
{
    public static void PrintOrFail(AppEnvRegenerationOutcome outcome)
    {
        Log.Information("Read {Count} variables from {Source}", outcome.Regenerated.Variables.Count, outcome.Regenerated.SourceReference);
        Log.Information("  new since the carried catalogue: {Added}", outcome.Added.Count == 0 ? "none" : string.Join(", ", outcome.Added));
        Log.Information("  no longer read: {Removed}", outcome.Removed.Count == 0 ? "none" : string.Join(", ", outcome.Removed));
        if (outcome.Written) Log.Information("  wrote deploy/app/ktrdr-env.tsv: review the diff and commit it");
        else if (outcome.Added.Count + outcome.Removed.Count > 0) Log.Warning("  the carried catalogue is behind the checkout: run with --update-catalog");
        foreach (var d in outcome.Problems)
            if (d.IsError) Log.Error("  {Problem}", d.ToString());
            else Log.Warning("  {Problem}", d.ToString());
        if (!outcome.Succeeded)
            throw new BuildFailedException($"{outcome.Problems.Count(p => p.IsError)} problem(s): the deploy files and the checkout disagree on the application's environment");
    }
}
