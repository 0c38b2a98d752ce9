using Ktrdr.Deploy.Topology.Tests.Support;

namespace Ktrdr.Deploy.Topology.Tests;

/// <summary>Values that are fine alone but wrong together: roles, hosts, references, images, compose files.</summary>
public sealed class CrossFieldCheckTests : BadInputTable
{
    private static readonly Dictionary<string, BadInput> Table = new()
    {
        ["no core node"] = new("    role: core", "    role: workers", "nodes", "nodes:",
            "exactly one node with role: core, found none", "runs the backend"),
        ["two core nodes"] = new("    role: gpu", "    role: core  # second", "nodes.gpu.role", "# second",
            "exactly one node with role: core, found 2 (core, gpu)", "keep one core node"),
        ["host used twice"] = new("    host: gpu.example.org", "    host: workers-b.example.org  # gpu", "nodes.gpu.host", "# gpu",
            "used only once", "\"workers-b\" already uses", "its own DNS name"),
        ["host outside the domain"] = new("    host: gpu.example.org", "    host: gpu.other.net", "nodes.gpu.host", "gpu.other.net",
            "ending in .example.org (or an IP address)", "other nodes reach it by that name"),
        ["deploy_dir under /tmp"] = new("    deploy_dir: /opt/gpu", "    deploy_dir: /tmp/gpu", "nodes.gpu.deploy_dir", "/tmp/gpu",
            "survives a reboot", "/tmp is emptied at reboot"),
        ["name differs from the folder"] = new("name: staging", "name: production", "name", "name: production",
            "expected \"staging\"", "found \"production\"", "name: staging"),
        ["required secret missing"] = new("  DB_PASSWORD: op://Vault/item/db_password\n", "", "secrets", "secrets:",
            "expected a secret named DB_PASSWORD", "DB_USER, DB_PASSWORD, JWT_SECRET"),
        ["token_secret not declared"] = new("  token_secret: GHCR_TOKEN", "  token_secret: GHCR_TOKN", "registry.token_secret", "GHCR_TOKN",
            "declared under secrets", "did you mean \"GHCR_TOKEN\"?"),
        ["alert receiver without its secret"] = new("secret: ALERT_TOKEN }", "secret: ALERT_TOKN }", "alerting.receiver.secret", "ALERT_TOKN",
            "declared under secrets", "did you mean \"ALERT_TOKEN\"?", "never on disk"),
        ["webhook receiver without url"] = new("url: \"https://alerts.example.org/hook\", ", "", "alerting.receiver", "receiver:",
            "expected `url:` for a webhook receiver"),
        ["slack receiver with a url"] = new("type: webhook", "type: slack", "alerting.receiver.url", "receiver:",
            "Slack's webhook URL is itself the secret"),
        ["repeat interval that pages every 10 s"] = new("repeat_interval: 4h", "repeat_interval: 10s", "alerting.repeat_interval", "repeat_interval: 10s",
            "expected at least 1h, found 10s", "over and over"),
        ["username without token_secret"] = new("  token_secret: GHCR_TOKEN\n", "", "registry.username", "username: acme",
            "username together with token_secret", "add `token_secret:`"),
        ["env names a secret"] = new("  LOG_LEVEL: info", "  JWT_SECRET: info", "env.JWT_SECRET", "JWT_SECRET: info",
            "declared under secrets", "injected at deploy time"),
        ["node env names a secret"] = new("      WORKER_SLOTS: \"2\"", "      DB_PASSWORD: \"2\"", "nodes.workers-b.env.DB_PASSWORD",
            "DB_PASSWORD: \"2\"", "declared under secrets", "injected at deploy time"),
        ["built image without dockerfile"] = new(", dockerfile: docker/Dockerfile", "", "images.ktrdr.dockerfile", "ktrdr:",
            "expected a Dockerfile path for an image with build: true", "add `dockerfile:"),
        ["built image with a tag"] = new("build: true, dockerfile", "build: true, tag: v1, dockerfile", "images.ktrdr.tag", "tag: v1",
            "expected no tag for an image with build: true", "deploy tag"),
        ["pulled image without tag"] = new("tag: 2.17.2-pg16, ", "", "images.db.tag", "db:",
            "expected a fixed tag for an image we do not build", "exact version"),
        ["pulled image with a dockerfile"] = new("tag: 2.17.2-pg16,", "tag: 2.17.2-pg16, dockerfile: db/Dockerfile,", "images.db.dockerfile",
            "db/Dockerfile", "expected no dockerfile for an image with build: false", "set `build: true`"),
        ["image env variable used twice"] = new("env: DB_IMAGE", "env: KTRDR_IMAGE", "images.db.env", "db:",
            "env variable name used only once", "\"ktrdr\" already uses"),
        ["compose file missing"] = new("[docker-compose.gpu.yml]", "[docker-compose.gpus.yml]", "nodes.gpu.compose_files[0]", "gpus.yml",
            "expected an existing compose file", "\"docker-compose.gpus.yml\"", "did you mean \"docker-compose.gpu.yml\"?",
            "docker-compose.core.yml, docker-compose.gpu.yml, docker-compose.workers.yml"),
        ["profile not declared"] = new("[observability]", "[observabilty]", "nodes.core.profiles[0]", "observabilty",
            "profile declared by a service in docker-compose.core.yml", "\"observabilty\"", "did you mean \"observability\"?"),
        ["profile declared only elsewhere"] = new("[scale-2]", "[observability]  # on workers", "nodes.workers-b.profiles[0]", "# on workers",
            "in docker-compose.workers.yml", "profiles declared there: scale-2"),
        ["node without compose files"] = new("    compose_files: [docker-compose.gpu.yml]", "    compose_files: []", "nodes.gpu.compose_files",
            "compose_files: []", "expected at least one compose file, found none"),
    };

    protected override IReadOnlyDictionary<string, BadInput> Cases => Table;

    public static TheoryData<string> Names => new(Table.Keys);

    [Theory]
    [MemberData(nameof(Names))]
    public void Reports_the_field_with_line_expectation_and_hint(string name) => Check(name);
}
