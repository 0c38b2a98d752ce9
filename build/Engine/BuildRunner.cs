using System.Linq.Expressions;

namespace BuildEngine;

/// <summary>
/// One run of a build class: parse, bind, plan, check requirements, then either print (--help, --list-json,
/// --plan) or execute. Usage problems print a message for a person and return exit code 2 with nothing executed.
/// </summary>
public static class BuildRunner
{
    public static int Run<T>(string[] args, RunContext context, params Expression<Func<T, Target>>[] defaultTargets)
        where T : NukeBuild, new() =>
        Task.Run(() => RunAsync(args, context, defaultTargets)).GetAwaiter().GetResult();

    public static async Task<int> RunAsync<T>(
        string[] args, RunContext context, params Expression<Func<T, Target>>[] defaultTargets)
        where T : NukeBuild, new()
    {
        await using var output = new MaskingTextWriter(context.Output);
        try
        {
            var build = new T();
            var model = BuildModel.Create(build, defaultTargets);
            var line = CommandLine.Parse(args, model.IsFlag);
            if (line.Help || line.ListJson)
            {
                if (line.Help) HelpWriter.Write(output, model);
                else ListJsonWriter.Write(output, model);
                return ExitCodes.Success;
            }

            var root = RootDirectoryLocator.Find(context.WorkingDirectory, line.Root);
            var github = new GitHubActions(output, GitHubActions.Detect(context.Environment));
            build.Initialize(root, context.CancellationToken, github.IsActive);
            var environment = context.Environment.AsReadOnly();
            var bound = new ParameterBinder(model.Parameters, environment, model.EnvironmentPrefix)
                .Bind(build, line.Parameters, ParameterFiles.LoadAll(root, line.Profile));
            RegisterSecrets(bound, model, output);

            var plan = Plan(model, line);
            RequirementChecker.Check(plan, model);
            build.Planned(plan);
            if (Initialized(build, output) is { } refused) return refused;
            if (line.Plan)
            {
                PlanWriter.Write(output, plan, bound);
                return ExitCodes.Success;
            }

            return await BuildSession.ExecuteAsync(plan, root, line.Verbosity, output, github, context.CancellationToken, build.ExpectedFailures);
        }
        catch (UsageException exception)
        {
            output.WriteLine($"ERROR: {exception.Message}");
            output.WriteLine("Run ./build.sh --help for targets and parameters.");
            return ExitCodes.UsageError;
        }
    }

    /// <summary>Runs the build's own pre-run check; a failure written for a person is printed as one, exit 2, nothing run.</summary>
    private static int? Initialized(NukeBuild build, TextWriter output)
    {
        try
        {
            build.OnBuildInitialized();
            return null;
        }
        catch (Exception exception) when (ErrorText.IsExpected(exception, build.ExpectedFailures))
        {
            output.WriteLine($"ERROR: {exception.Message}");
            output.WriteLine("Nothing was run.");
            return ExitCodes.UsageError;
        }
    }

    private static void RegisterSecrets(IReadOnlyList<BoundParameter> bound, BuildModel model, TextWriter output)
    {
        foreach (var secret in bound.Where(b => b.Parameter.IsSecret))
        {
            SecretMasker.RegisterValue(secret.Value);
            if (secret.Source == ParameterBinder.CommandLineSource)
                output.WriteLine($"WARNING: secret {secret.Parameter.CliName} was given on the command line, where other "
                                 + "processes can read it; set environment variable "
                                 + $"{secret.Parameter.EnvironmentVariables(model.EnvironmentPrefix)[0]} instead.");
        }
    }

    private static ExecutionPlan Plan(BuildModel model, CommandLine line)
    {
        var names = new TargetNameResolver(model.Targets);
        FlagValueCheck.Check(line, model);
        var invoked = line.Targets.Count > 0 ? names.Resolve(line.Targets) : model.DefaultTargets.ToList();
        if (invoked.Count == 0)
            throw new UsageException("No target given and the build has no default target. "
                                     + $"Valid targets: {string.Join(", ", model.Targets.Where(t => !t.Unlisted))}");
        var skip = line.SkipAllNotInvoked
            ? SkipOption.AllButInvoked
            : SkipOption.Only([.. names.Resolve(line.SkipTargets)]);
        return new ExecutionPlanner(model.Targets).Plan(invoked, skip);
    }
}
