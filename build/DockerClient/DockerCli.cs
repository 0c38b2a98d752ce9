using System.Text;
using CliWrap;
using CliWrap.Buffered;

namespace Ktrdr.Deploy.DockerClient;

/// <summary>What a docker command printed and how it ended.</summary>
public sealed record DockerResult(int ExitCode, string Output, string Error)
{
    public bool Succeeded => ExitCode == 0;

    /// <summary>The output as trimmed, non-empty lines.</summary>
    public IReadOnlyList<string> Lines => [.. Output.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0)];
}

/// <summary>
/// Runs the docker client against one daemon (DOCKER_HOST when given). The one place the lab and the image targets
/// act on Docker. Secrets only ever travel on standard input; the arguments are safe to show in an error.
/// <paramref name="config"/> is a DOCKER_CONFIG directory (a throw-away one holds a registry login for one push).
/// </summary>
public sealed class DockerCli(string? host, string? config = null)
{
    /// <summary>DOCKER_HOST, or null for the default daemon.</summary>
    public string? Host => host;

    /// <summary>The same daemon, with the client reading its login from <paramref name="directory"/> (DOCKER_CONFIG).</summary>
    public DockerCli WithConfig(string directory) => new(host, directory);

    /// <summary>Runs docker; a non-zero exit is a result.</summary>
    public async Task<DockerResult> TryAsync(IReadOnlyList<string> args, CancellationToken ct, string? standardInput = null)
    {
        var command = Cli.Wrap("docker").WithArguments(args).WithEnvironmentVariables(Environment)
            .WithValidation(CommandResultValidation.None);
        if (standardInput is not null) command = command.WithStandardInputPipe(PipeSource.FromString(standardInput, Encoding.UTF8));
        try
        {
            var result = await command.ExecuteBufferedAsync(ct);
            return new DockerResult(result.ExitCode, result.StandardOutput, result.StandardError);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new DockerException("the docker client is not installed (docker: command not found); install docker.io and run the target again", e);
        }
    }

    /// <summary>Runs docker and returns its output; throws <see cref="DockerException"/> with docker's own error when it fails.</summary>
    public async Task<DockerResult> RunAsync(IReadOnlyList<string> args, CancellationToken ct, string? standardInput = null)
    {
        var result = await TryAsync(args, ct, standardInput);
        return result.Succeeded ? result : throw Failure(args, result);
    }

    /// <summary>Pipes another command's standard output into docker (e.g. <c>tar ... | docker import -</c>); either failing is an error.</summary>
    public async Task PipeAsync(Command source, IReadOnlyList<string> args, CancellationToken ct)
    {
        var output = new StringBuilder();
        var error = new StringBuilder();
        var docker = Cli.Wrap("docker").WithArguments(args).WithEnvironmentVariables(Environment)
            .WithStandardOutputPipe(PipeTarget.ToStringBuilder(output))   // read it all: an unread pipe ends docker with SIGPIPE
            .WithStandardErrorPipe(PipeTarget.ToStringBuilder(error)).WithValidation(CommandResultValidation.None);
        CommandResult result;
        try
        {
            result = await (source.WithValidation(CommandResultValidation.ZeroExitCode) | docker).ExecuteAsync(ct);
        }
        catch (CliWrap.Exceptions.CommandExecutionException e)
        {
            throw new DockerException($"{source.TargetFilePath} {source.Arguments} failed while feeding docker {string.Join(' ', args)}: {e.Message}", e);
        }
        if (result.ExitCode != 0) throw Failure(args, new DockerResult(result.ExitCode, output.ToString(), error.ToString()));
    }

    public override string ToString() => host ?? "the default Docker daemon";

    private IReadOnlyDictionary<string, string?> Environment
    {
        get
        {
            // the legacy builder: Debian's dockerd 20.10, and a client that may have no buildx
            var environment = new Dictionary<string, string?> { ["DOCKER_BUILDKIT"] = "0", ["DOCKER_CLI_HINTS"] = "false" };
            if (host is not null) environment["DOCKER_HOST"] = host;
            if (config is not null) environment["DOCKER_CONFIG"] = config;
            return environment;
        }
    }

    private DockerException Failure(IReadOnlyList<string> args, DockerResult result)
    {
        var lines = (result.Error.Length > 0 ? result.Error : result.Output).Trim().Split('\n');
        var tail = string.Join("\n  ", lines.TakeLast(15));
        return new DockerException($"docker {string.Join(' ', args)} failed (exit {result.ExitCode}) on {this}:\n  {tail}");
    }
}
