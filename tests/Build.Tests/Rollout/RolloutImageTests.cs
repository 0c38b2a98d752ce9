namespace Build.Tests.Rollout;

/// <summary>The images the lab built carry the secrets entrypoint (docs/swarm.md, "The entrypoint contract").</summary>
public sealed partial class RolloutTests
{
    private static readonly string[] BuiltImages = ["ktrdr-backend", "ktrdr-lab/postgres", "ktrdr-lab/prometheus", "ktrdr-lab/alertmanager", "ktrdr-lab/node-exporter"];

    [Fact]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public async Task S1_Every_image_the_lab_built_runs_the_secrets_entrypoint_and_the_application_image_reads_a_mounted_secret_as_its_variable()
    {
        foreach (var repository in BuiltImages)
        {
            var entrypoint = await lab.DockerAsync(null, "image", "inspect", "--format", "{{json .Config.Entrypoint}}", $"ktrdr/{repository}:{RolloutLab.Tag}");
            Assert.StartsWith("[\"/usr/local/bin/ktrdr-secrets-env\"", entrypoint.Trim());
        }

        // A Swarm secret is a file under /run/secrets; here a read-only bind mount stands in for it, and the image's own
        // user (999) reads it, as a Swarm service with uid/gid 999 and mode 0400 on the secret would.
        var secrets = Directory.CreateTempSubdirectory("ktrdr-secrets-").FullName;
        try
        {
            var value = "s3cr3t value with $pecial 'chars'";
            await File.WriteAllTextAsync(Path.Combine(secrets, "KTRDR_AUTH_JWT_SECRET"), value + "\n");
            File.SetUnixFileMode(secrets, (UnixFileMode)0b111_101_101);
            File.SetUnixFileMode(Path.Combine(secrets, "KTRDR_AUTH_JWT_SECRET"), (UnixFileMode)0b100_100_100);

            var seen = await lab.DockerAsync(null, "run", "--rm", "--network", "none", "-v", $"{secrets}:/run/secrets:ro",
                $"ktrdr/ktrdr-backend:{RolloutLab.Tag}", "sh", "-c", "printf '%s|%s' \"$(id -u)\" \"$KTRDR_AUTH_JWT_SECRET\"");

            Assert.Equal($"999|{value}", seen);
        }
        finally { Directory.Delete(secrets, recursive: true); }
    }
}
