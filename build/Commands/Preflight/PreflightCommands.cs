using Ktrdr.Deploy.Commands.Compose;
using Ktrdr.Deploy.Commands.Output;
using Ktrdr.Deploy.Remote;
using Ktrdr.Deploy.Topology;
using static Ktrdr.Deploy.Remote.Execution.ShellQuote;

namespace Ktrdr.Deploy.Commands.Preflight;

/// <summary>One read-only script that reports a node's readiness as <c>key=value</c> lines, and its reading.</summary>
public static class PreflightCommands
{
    private const double KilobytesPerGb = 1024 * 1024;

    public static RemoteCommand Check(NodeSpec node) => new(
        $"d={Quote(node.DeployDirectory)}; " +
        "printf 'uid=%s\\nuser=%s\\n' \"$(id -u)\" \"$(id -un)\"; " +
        "if ! command -v docker >/dev/null 2>&1; then echo docker=missing; " +
        "elif v=$(docker version --format '{{.Server.Version}}' 2>/dev/null) && [ -n \"$v\" ]; then " +
        "echo docker=ok; printf 'docker_version=%s\\n' \"$v\"; " +
        "else echo docker=unreachable; " +
        "printf 'docker_error=%s\\n' \"$(docker version --format '{{.Server.Version}}' 2>&1 >/dev/null | tr '\\n' ' ')\"; fi; " +
        ComposeProbe.Script(node.ComposeCommand) + "; " +
        "if [ -d \"$d\" ]; then echo deploy_dir_exists=yes; else echo deploy_dir_exists=no; fi; " +
        "e=$d; while [ ! -e \"$e\" ]; do e=$(dirname -- \"$e\"); done; " +
        "if [ -w \"$e\" ]; then echo deploy_dir_writable=yes; else echo deploy_dir_writable=no; fi; " +
        "p=$(dirname -- \"$d\"); while [ ! -e \"$p\" ]; do p=$(dirname -- \"$p\"); done; " +
        "if [ -w \"$p\" ]; then echo deploy_parent_writable=yes; else echo deploy_parent_writable=no; fi; " +
        "printf 'free_kb=%s\\n' \"$(df -P -- \"$e\" | awk 'NR==2 {print $4}')\"",
        $"pre-flight of {node.Name}");

    public static PreflightReport ParsePreflight(CommandResult result, NodeSpec node)
    {
        var output = KeyValueOutput.Parse($"pre-flight of {node.Name}", result);
        var docker = output.Required("docker") switch
        {
            "ok" => DockerAccess.Reachable,
            "unreachable" => DockerAccess.Unreachable,
            "missing" => DockerAccess.Missing,
            var other => throw output.Problem($"'docker' should be ok, unreachable or missing, found '{other}'"),
        };
        var facts = new PreflightReport(
            node.Name,
            output.Required("user"),
            (int)output.Number("uid"),
            docker,
            output.Optional("docker_version"),
            output.Optional("docker_error")?.Trim(),
            ComposeProbe.Read(output),
            output.Number("free_kb") / KilobytesPerGb,
            output.Flag("deploy_dir_exists"),
            output.Flag("deploy_dir_writable"),
            output.Flag("deploy_parent_writable"),
            []);
        return facts with { Failures = PreflightRules.Failures(facts, node).ToList() };
    }
}
