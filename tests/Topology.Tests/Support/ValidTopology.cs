namespace Ktrdr.Deploy.Topology.Tests.Support;

/// <summary>
/// A complete, valid multi-node topology (environment "staging") and the compose files it names.
/// Bad-input tests change one line of it, so each test shows exactly the mistake it is about.
/// </summary>
public static class ValidTopology
{
    public const string Environment = "staging";

    public const string Yaml = """
        name: staging
        domain: example.org
        api_environment: staging
        registry:
          url: ghcr.io/acme
          username: acme
          token_secret: GHCR_TOKEN
        images:
          ktrdr: { repository: ktrdr-backend, build: true, dockerfile: docker/Dockerfile, env: KTRDR_IMAGE }
          db: { repository: timescale/timescaledb, tag: 2.17.2-pg16, env: DB_IMAGE }
        secrets:
          DB_USER: op://Vault/item/db_username
          DB_PASSWORD: op://Vault/item/db_password
          JWT_SECRET: env:JWT_SECRET
          GHCR_TOKEN: file:secrets/ghcr
          ALERT_TOKEN: env:ALERT_TOKEN
        alerting:
          receiver: { type: webhook, url: "https://alerts.example.org/hook", secret: ALERT_TOKEN }
          group_wait: 30s
          repeat_interval: 4h
        storage:
          path: /mnt/data
          uid: 999
          gid: 1500
          dir_mode: "2775"
          file_mode: 664
          subdirs: [data, models]
        env:
          LOG_LEVEL: info
        defaults:
          ssh:
            user: root
            port: 22
            identity_file: ~/.ssh/id_ed25519
            known_hosts: ~/.ssh/known_hosts
          compose_command: auto
          min_free_disk_gb: 5
        nodes:
          core:
            host: core.example.org
            role: core
            compose_files: [docker-compose.core.yml]
            profiles: [observability]
            deploy_dir: /opt/core
          workers-b:
            host: workers-b.example.org
            role: workers
            ssh:
              port: 2222
            compose_files: [docker-compose.workers.yml]
            profiles: [scale-2]
            deploy_dir: /opt/workers-b
            env:
              WORKER_SLOTS: "2"
          gpu:
            host: gpu.example.org
            role: gpu
            ssh: { user: karl }
            compose_files: [docker-compose.gpu.yml]
            deploy_dir: /opt/gpu

        """;

    /// <summary>Compose files for the nodes above; profiles come from a service and from a merged anchor.</summary>
    public static readonly IReadOnlyDictionary<string, string> ComposeFiles = new Dictionary<string, string>
    {
        ["docker-compose.core.yml"] = """
            services:
              db: { image: "${DB_IMAGE}" }
              grafana: { image: "${GRAFANA_IMAGE}", profiles: [observability] }
            """,
        ["docker-compose.workers.yml"] = """
            x-worker: &worker
              image: "${KTRDR_IMAGE}"
              profiles: ["scale-2"]
            services:
              backtest-worker-1: { image: "${KTRDR_IMAGE}" }
              backtest-worker-2:
                <<: *worker
                command: run 5004
            """,
        ["docker-compose.gpu.yml"] = """
            services:
              gpu-training-worker: { image: "${KTRDR_IMAGE}" }
            """,
    };

    /// <summary>The valid topology with one piece of text replaced; fails if the text is not there exactly once.</summary>
    public static string With(string find, string replace) => Edit(Yaml, find, replace);

    public static string Edit(string yaml, string find, string replace)
    {
        var at = yaml.IndexOf(find, StringComparison.Ordinal);
        Assert.True(at >= 0 && yaml.IndexOf(find, at + 1, StringComparison.Ordinal) < 0,
            $"the topology must contain \"{find}\" exactly once");
        return string.Concat(yaml.AsSpan(0, at), replace, yaml.AsSpan(at + find.Length));
    }
}
