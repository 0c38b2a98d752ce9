using System.Linq.Expressions;

namespace BuildEngine;

/// <summary>Base class of a build: targets are <see cref="Target"/> properties, parameters are [Parameter] members.</summary>
public abstract class NukeBuild
{
    /// <summary>The folder containing <c>.nuke/</c> (or <c>--root</c>); set before planning.</summary>
    protected AbsolutePath RootDirectory { get; private set; } = null!;

    /// <summary>Cancelled on Ctrl-C; the same token is passed to <c>Executes(Func&lt;CancellationToken, Task&gt;)</c>.</summary>
    protected CancellationToken CancellationToken { get; private set; }

    /// <summary>True under GitHub Actions (<c>GITHUB_ACTIONS=true</c>).</summary>
    protected bool IsServerBuild { get; private set; }

    protected bool IsLocalBuild => !IsServerBuild;

    /// <summary>The names of the targets this run will execute, in order (set after planning, before any runs).</summary>
    protected IReadOnlyList<string> PlannedTargets { get; private set; } = [];

    internal void Planned(ExecutionPlan plan) => PlannedTargets = [.. plan.ToRun.Select(t => t.Target.Name)];

    /// <summary>
    /// Called once parameters are bound and the plan is made, before <c>--plan</c> prints it or any target runs (Nuke's
    /// hook of the same name): a check that needs the parameters and the planned targets together. Throwing a
    /// <see cref="BuildFailedException"/> or an <see cref="ExpectedFailures"/> type stops the run with its message.
    /// </summary>
    protected internal virtual void OnBuildInitialized() { }

    /// <summary>When set, parameter <c>TargetNode</c> is also read from <c>&lt;PREFIX&gt;_TARGET_NODE</c> (which wins over <c>TARGET_NODE</c>).</summary>
    protected virtual string? EnvironmentVariablePrefix => null;

    internal string? Prefix => EnvironmentVariablePrefix;

    /// <summary>
    /// Exception types whose messages are written for a person (file, field, what to do): a target failing with one
    /// reports its message alone, like a <see cref="BuildFailedException"/>, never as a bug with a stack trace.
    /// </summary>
    protected internal virtual IReadOnlyCollection<Type> ExpectedFailures => [];

    internal void Initialize(AbsolutePath root, CancellationToken cancellation, bool isServerBuild)
    {
        RootDirectory = root;
        CancellationToken = cancellation;
        IsServerBuild = isServerBuild;
    }

    /// <summary>The program's entry point: <c>public static int Main() => Execute&lt;Build&gt;(x => x.Default);</c></summary>
    public static int Execute<T>(params Expression<Func<T, Target>>[] defaultTargets) where T : NukeBuild, new()
    {
        using var cancellation = new CancellationTokenSource();
        // Ctrl-C (SIGINT), SIGTERM (timeout, docker stop, systemd, a cancelled CI job) and SIGHUP (the terminal went away)
        // all take the same path: the first one stops the run at its next safe point (locks released, the audit says
        // 'cancelled') and prints the summary; a second one ends the process at once.
        using var signals = StopSignals.Register(cancellation);
        var (stdout, stderr) = (Console.Out, Console.Error);
        using var maskedOut = new MaskingTextWriter(stdout);
        using var maskedError = new MaskingTextWriter(stderr);
        // Targets that print with Console.Write go through the masker too.
        Console.SetOut(maskedOut);
        Console.SetError(maskedError);
        try
        {
            var args = System.Environment.GetCommandLineArgs().Skip(1).ToArray();
            return BuildRunner.Run(args, RunContext.FromProcess(cancellation.Token), defaultTargets);
        }
        finally
        {
            Console.SetOut(stdout);
            Console.SetError(stderr);
        }
    }
}
