using Ktrdr.Deploy.Topology.Tests.Support;

namespace Ktrdr.Deploy.Topology.Tests;

/// <summary>A field holding the wrong kind of value, an unknown key, or nothing where something is required.</summary>
public sealed class FieldValueTests : BadInputTable
{
    private static readonly Dictionary<string, BadInput> Table = new()
    {
        ["port is not a number"] = new("    port: 22\n", "    port: twenty-two\n", "defaults.ssh.port", "port: twenty-two",
            "expected a whole number between 1 and 65535", "found \"twenty-two\"", "from 1 to 65535"),
        ["node ssh port out of range"] = new("      port: 2222", "      port: 70000", "nodes.workers-b.ssh.port", "port: 70000",
            "between 1 and 65535", "\"70000\""),
        ["uid out of range"] = new("  uid: 999", "  uid: 70000", "storage.uid", "uid: 70000", "between 0 and 65535", "\"70000\""),
        ["gid negative"] = new("  gid: 1500", "  gid: -1", "storage.gid", "gid: -1", "between 0 and 65535", "\"-1\""),
        ["dir_mode not octal"] = new("  dir_mode: \"2775\"", "  dir_mode: \"2789\"", "storage.dir_mode", "dir_mode",
            "octal file mode", "\"2789\"", "chmod"),
        ["file_mode too long"] = new("  file_mode: 664", "  file_mode: 106644", "storage.file_mode", "file_mode", "3 or 4 digits", "\"106644\""),
        ["api_environment unknown"] = new("api_environment: staging", "api_environment: prod", "api_environment", "api_environment",
            "one of development, staging, production", "did you mean \"production\"?"),
        ["role unknown"] = new("    role: workers", "    role: worker", "nodes.workers-b.role", "role: worker",
            "one of core, workers, gpu", "did you mean \"workers\"?"),
        ["compose_command unknown"] = new("  compose_command: auto", "  compose_command: docker-compose-v3", "defaults.compose_command",
            "compose_command", "one of auto, docker-compose, docker-compose-v1", "did you mean \"docker-compose-v1\"?"),
        ["unknown top-level key"] = new("domain: example.org", "domian: example.org", "domian", "domian",
            "unknown key \"domian\"", "did you mean \"domain\"?", "valid keys at the top level", "api_environment"),
        ["unknown ssh key"] = new("      port: 2222", "      prot: 2222", "nodes.workers-b.ssh.prot", "prot: 2222",
            "unknown key \"prot\"", "did you mean \"port\"?", "user, port, identity_file, known_hosts"),
        ["host missing"] = new("    host: gpu.example.org\n", "", "nodes.gpu.host", "  gpu:",
            "expected a DNS host name", "found nothing", "add `host: ...` under nodes.gpu"),
        ["list expected"] = new("  subdirs: [data, models]", "  subdirs: data", "storage.subdirs", "subdirs: data",
            "expected a list of", "found \"data\""),
        ["mapping expected"] = new("    ssh: { user: karl }", "    ssh: karl", "nodes.gpu.ssh", "ssh: karl",
            "expected a mapping", "found \"karl\""),
        ["single value expected"] = new("  path: /mnt/data", "  path: [/mnt/data]", "storage.path", "path: [/mnt/data]",
            "expected an absolute path", "found a list", "single value"),
        ["bool invalid"] = new("build: true", "build: yes please", "images.ktrdr.build", "yes please", "true or false", "\"yes please\""),
        ["node name not a DNS label"] = new("  workers-b:", "  Workers_B:", "nodes.Workers_B", "Workers_B:",
            "lowercase DNS label", "\"Workers_B\""),
        ["host not a host name"] = new("    host: workers-b.example.org", "    host: workers_b!.example.org", "nodes.workers-b.host",
            "workers_b!", "expected a DNS host name", "\"workers_b!.example.org\""),
        ["deploy_dir relative"] = new("    deploy_dir: /opt/gpu", "    deploy_dir: opt/gpu", "nodes.gpu.deploy_dir", "opt/gpu",
            "expected an absolute path", "\"opt/gpu\"", "/opt/ktrdr-core"),
        ["op reference with two parts"] = new("  DB_USER: op://Vault/item/db_username", "  DB_USER: op://Vault/db_username",
            "secrets.DB_USER", "DB_USER: op://", "exactly 3 non-empty parts", "op://<vault>/<item>/<field>"),
        ["secret with unknown prefix"] = new("  DB_USER: op://Vault/item/db_username", "  DB_USER: vault:db_username",
            "secrets.DB_USER", "DB_USER: vault", "unknown prefix", "env:<VARIABLE>", "file:<path"),
        ["secret holding a value"] = new("  JWT_SECRET: env:JWT_SECRET", "  JWT_SECRET: s3cr3t-value-123", "secrets.JWT_SECRET",
            "JWT_SECRET: s3cr3t", "secrets hold references, never values", "op://<vault>/<item>/<field>"),
        ["secret name not UPPER_SNAKE"] = new("  DB_PASSWORD: op", "  db_password: op", "secrets.db_password", "db_password:",
            "UPPER_SNAKE_CASE", "\"db_password\""),
        ["env name not UPPER_SNAKE"] = new("  LOG_LEVEL: info", "  log-level: info", "env.log-level", "log-level", "UPPER_SNAKE_CASE"),
        ["registry url with placeholder"] = new("  url: ghcr.io/acme", "  url: ghcr.io/<owner>", "registry.url", "<owner>",
            "registry address host[:port]/namespace", "\"ghcr.io/<owner>\"", "ghcr.io/ktrdr-dev"),
        ["image tag with a space"] = new("tag: 2.17.2-pg16", "tag: \"2.17 pg16\"", "images.db.tag", "2.17 pg16", "image tag", "\"2.17 pg16\""),
        ["image env not UPPER_SNAKE"] = new("env: DB_IMAGE", "env: db-image", "images.db.env", "db-image", "UPPER_SNAKE_CASE"),
        ["identity file empty"] = new("    identity_file: ~/.ssh/id_ed25519", "    identity_file: \"\"", "defaults.ssh.identity_file",
            "identity_file", "non-empty", "found \"\""),
        ["ssh user not a user name"] = new("    ssh: { user: karl }", "    ssh: { user: \"Karl Smith\" }", "nodes.gpu.ssh.user",
            "Karl Smith", "Unix user name", "\"Karl Smith\""),
        ["compose file given as a path"] = new("[docker-compose.gpu.yml]", "[/etc/compose.yml]", "nodes.gpu.compose_files[0]",
            "/etc/compose.yml", "compose file name", "../homelab/docker-compose.core.yml"),
        ["disk size with unit"] = new("  min_free_disk_gb: 5", "  min_free_disk_gb: 5GB", "defaults.min_free_disk_gb", "5GB",
            "whole number", "\"5GB\"", "without quotes or units"),
        ["unknown alert receiver type"] = new("type: webhook", "type: pager", "alerting.receiver.type", "type: pager",
            "one of webhook, slack", "\"pager\""),
        ["alert interval without unit"] = new("group_wait: 30s", "group_wait: 30", "alerting.group_wait", "group_wait: 30",
            "Prometheus duration", "e.g. 5m"),
        ["registry section missing"] = new("registry:\n  url: ghcr.io/acme\n  username: acme\n  token_secret: GHCR_TOKEN\n", "",
            "registry", "name: staging", "expected a mapping", "found nothing", "add a `registry:` section at the top level"),
    };

    protected override IReadOnlyDictionary<string, BadInput> Cases => Table;

    public static TheoryData<string> Names => new(Table.Keys);

    [Theory]
    [MemberData(nameof(Names))]
    public void Reports_the_field_with_line_expectation_and_hint(string name) => Check(name);
}
