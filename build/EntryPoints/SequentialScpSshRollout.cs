using System.Diagnostics;
using System.Text;
using CliWrap;
using CliWrap.Buffered;
using Ktrdr.Deploy.Remote.Execution;
using Ktrdr.Deploy.Rollout.Deploy;
using Ktrdr.Deploy.Topology;
using Serilog;

namespace Ktrdr.Deploy.EntryPoints;

/// <summary>
/// The rollout as the seeds do it by hand, for the benchmark only: node after node, `scp -r` the files, then one
/// `ssh` that logs in to the registry, pulls and runs `up -d`. Secrets go to the remote shell on standard input (the
/// seeds pasted them into a .env; the benchmark does not leave them on the nodes). Plain OpenSSH processes: a new
/// connection per command, as a person's terminal makes them.
/// </summary>
public static class SequentialScpSshRollout
{
    public static async Task<TimeSpan> RolloutAsync(string sshConfig, IReadOnlyList<(NodeSpec Node, NodeBundle Bundle, IReadOnlyDictionary<string, string> Secrets)> nodes,
        RegistryPull? login, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        foreach (var (node, bundle, secrets) in nodes)
        {
            var step = Stopwatch.StartNew();
            var dir = ShellQuote.Quote(node.DeployDirectory);
            await RunAsync("ssh", ["-F", sshConfig, node.Name, $"sudo -n mkdir -p {dir} && sudo -n chown $(id -u) {dir}"], null, ct);
            await RunAsync("scp", ["-F", sshConfig, "-q", "-r", $"{bundle.Directory}/.", $"{node.Name}:{node.DeployDirectory}/"], null, ct);
            var script = new StringBuilder();
            foreach (var (name, value) in secrets) script.Append($"export {name}={ShellQuote.Quote(value)}\n");
            var files = string.Concat(node.ComposeFiles.Select(f => $" -f {ShellQuote.Quote(Path.GetFileName(f))}"));
            var profiles = string.Concat(node.Profiles.Select(p => $" --profile {ShellQuote.Quote(p)}"));
            if (login is not null)
                script.Append($"printf '%s' {ShellQuote.Quote(login.Token)} | docker login {login.Host} -u {login.User} --password-stdin >/dev/null\n");
            script.Append($"cd {dir} && docker-compose -p ktrdr{files}{profiles} pull --quiet && docker-compose -p ktrdr{files}{profiles} up -d\n");
            if (login is not null) script.Append($"docker logout {login.Host} >/dev/null\n");
            await RunAsync("ssh", ["-F", sshConfig, node.Name, "sh -s"], script.ToString(), ct);
            Log.Information("  seeds' way  {Node,-10} scp + ssh up -d  {Elapsed}", node.Name, BuildEngine.Elapsed.Format(step.Elapsed));
        }
        return watch.Elapsed;
    }

    private static async Task RunAsync(string program, IReadOnlyList<string> args, string? input, CancellationToken ct)
    {
        var command = Cli.Wrap(program).WithArguments(args).WithValidation(CommandResultValidation.None);
        if (input is not null) command = command.WithStandardInputPipe(PipeSource.FromString(input));
        var result = await command.ExecuteBufferedAsync(ct);
        if (result.ExitCode != 0)
            throw new BuildEngine.BuildFailedException($"{program} {args[^2]} failed (exit {result.ExitCode}): {result.StandardError.Trim()}");
    }
}
