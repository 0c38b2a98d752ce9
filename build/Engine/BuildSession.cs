using System.Diagnostics;
using Serilog;

namespace BuildEngine;

/// <summary>Executes a checked plan: sets up logging (console + file), runs the targets, prints the summary.</summary>
public static class BuildSession
{
    public static async Task<int> ExecuteAsync(
        ExecutionPlan plan, AbsolutePath root, Verbosity verbosity, TextWriter output, GitHubActions github,
        CancellationToken cancellation, IReadOnlyCollection<Type>? expectedFailures = null)
    {
        var invoked = plan.Targets.Where(t => t.Reason == PlanReason.Invoked).Select(t => t.Target.Name);
        var logFile = BuildLogging.LogFilePath(root, DateTime.Now, invoked);
        Directory.CreateDirectory(Path.GetDirectoryName(logFile)!);
        Log.Logger = BuildLogging.Create(output, logFile, verbosity);
        try
        {
            Log.Debug("Root {Root}; log file {LogFile}", root, logFile);
            var clock = Stopwatch.StartNew();
            var results = await new TargetExecutor(github, verbosity == Verbosity.Verbose, cancellation, expectedFailures).RunAsync(plan);
            var exitCode = ExitCodes.For(results, cancellation.IsCancellationRequested);
            Log.Information("Build finished with exit code {ExitCode}; log: {LogFile}", exitCode, logFile);
            SummaryWriter.Write(output, results, clock.Elapsed, exitCode);
            return exitCode;
        }
        finally
        {
            await Log.CloseAndFlushAsync();
        }
    }
}
