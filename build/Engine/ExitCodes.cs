namespace BuildEngine;

public static class ExitCodes
{
    public const int Success = 0;

    /// <summary>A planned target failed or did not run.</summary>
    public const int TargetFailed = 1;

    /// <summary>Bad command line, parameter or requirement; nothing was executed.</summary>
    public const int UsageError = 2;

    /// <summary>Ctrl-C (128 + SIGINT).</summary>
    public const int Cancelled = 130;

    public static int For(IReadOnlyList<TargetResult> results, bool cancelled) =>
        cancelled ? Cancelled
        : results.All(r => r.Status is TargetStatus.Succeeded or TargetStatus.Skipped) ? Success
        : results.FirstOrDefault(r => r.Status == TargetStatus.Failed)?.ExitCode ?? TargetFailed;
}
