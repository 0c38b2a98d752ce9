namespace Build.Tests.Rollout;

/// <summary>The images the lab runs carry the secrets entrypoint (docs/swarm.md, "The entrypoint contract").</summary>
public sealed partial class RolloutTests
{
    private static readonly string[] BuiltImages = ["ktrdr-backend", "ktrdr-lab/postgres", "ktrdr-lab/prometheus", "ktrdr-lab/alertmanager", "ktrdr-lab/node-exporter"];

    private const string Contract = "[\"/usr/local/bin/ktrdr-secrets-env\"";

    /// <summary>Each image a node runs now, with its entrypoint, read on the node (what was pulled, not a tag on this machine).</summary>
    private async Task<Dictionary<string, string>> EntrypointsOnAsync(string node) =>
        (await RolloutLab.RequireAsync(await lab.ConnectAsync(node),
            "docker ps --format '{{.Image}}' | sort -u | while IFS= read -r i; do printf '%s %s\\n' \"$i\" \"$(docker image inspect --format '{{json .Config.Entrypoint}}' \"$i\")\"; done"))
        .Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => line.Split(' ', 2)).ToDictionary(p => p[0], p => p[1]);

    [Fact]
    public async Task S1_Every_image_the_lab_built_runs_the_secrets_entrypoint_and_the_application_image_reads_a_mounted_secret_as_its_variable()
    {
        var core = await EntrypointsOnAsync("core");
        foreach (var repository in BuiltImages)
        {
            var (image, entrypoint) = Assert.Single(core, pair => pair.Key.Contains($"/ktrdr/{repository}:", StringComparison.Ordinal));
            Assert.True(entrypoint.StartsWith(Contract, StringComparison.Ordinal), $"{image} on core: entrypoint {entrypoint}");
        }
        var worker = (await EntrypointsOnAsync("workers-b")).Single(pair => pair.Key.Contains("/ktrdr/ktrdr-backend:", StringComparison.Ordinal));
        Assert.StartsWith(Contract, worker.Value);

        // A Swarm secret is a file under /run/secrets; a read-only bind mount of a file readable by all stands in for it,
        // and the image's own user (999) reads it, as a Swarm service with uid/gid 999 and mode 0400 on the secret would.
        const string value = "s3cr3t value with $pecial 'chars'";
        var seen = await RolloutLab.RequireAsync(await lab.ConnectAsync("workers-b"),
            "set -e; d=$(mktemp -d); trap 'rm -rf \"$d\"' EXIT; chmod 755 \"$d\"; " +
            $"printf '%s\\n' {Ktrdr.Deploy.Remote.Execution.ShellQuote.Quote(value)} > \"$d/KTRDR_AUTH_JWT_SECRET\"; chmod 444 \"$d/KTRDR_AUTH_JWT_SECRET\"; " +
            $"docker run --rm --network none -v \"$d:/run/secrets:ro\" {worker.Key} sh -c 'printf \"%s|%s\" \"$(id -u)\" \"$KTRDR_AUTH_JWT_SECRET\"'");

        Assert.Equal($"999|{value}", seen);
    }
}
