using Ktrdr.Deploy.Rendering.Compose;
using Ktrdr.Deploy.Topology;

namespace Rendering.Tests;

public class ComposeParserTests
{
    private const string Anchored = """
        x-worker: &worker
          image: ${KTRDR_IMAGE:?set}
          user: "999:999"
          group_add: ["1500"]
        services:
          backtest-worker-1:
            <<: *worker
            command: ["python", "-m", "uvicorn", "m:app", "--port", "5003"]
            ports: ["5003:5003"]
            environment:
              KTRDR_WORKER_PORT: "5003"
              DB_PASSWORD:
          extra:
            image: x
            profiles: [scale-2]
            ports: ["127.0.0.1:9000:9001"]
            environment: [A=1, DB_USER]
            volumes: ["./grafana/dashboards:/var/lib/grafana/dashboards:ro", "data:/data"]
        """;

    [Fact]
    public void Resolves_merge_keys_so_anchored_services_look_as_compose_sees_them()
    {
        var problems = new List<Diagnostic>();
        var file = ComposeParser.Parse("/d/c.yml", Anchored, problems);
        Assert.Empty(problems);
        var worker = file.Service("backtest-worker-1")!;
        Assert.Equal("${KTRDR_IMAGE:?set}", worker.Image);
        Assert.Equal("999:999", worker.User);
        Assert.Equal(["1500"], worker.GroupAdd);
        Assert.Equal(5003, worker.CommandPort());
        Assert.Equal(6, worker.Position.Line);
    }

    [Fact]
    public void Reads_ports_environment_volumes_and_profiles_in_both_forms()
    {
        var file = ComposeParser.Parse("/d/c.yml", Anchored, []);
        var extra = file.Service("extra")!;
        var port = Assert.Single(extra.Ports);
        Assert.Equal(("127.0.0.1", 9000, 9001), (port.HostIp, port.HostPort, port.ContainerPort));
        Assert.Equal([("A", "1"), ("DB_USER", null)], extra.Environment.Select(e => (e.Name, e.Value)));
        Assert.Null(file.Service("backtest-worker-1")!.Env("DB_PASSWORD")!.Value);
        Assert.True(extra.Volumes[0].IsRelativeBind);
        Assert.False(extra.Volumes[1].IsRelativeBind);
        Assert.Equal(["backtest-worker-1"], file.ActiveServices([]).Select(s => s.Name));
        Assert.Equal(2, file.ActiveServices(["scale-2"]).Count());
    }

    [Fact]
    public void Reports_invalid_yaml_with_its_line()
    {
        var problems = new List<Diagnostic>();
        ComposeParser.Parse("/d/c.yml", "services:\n  a:\n    image: [unclosed\n", problems);
        var d = Assert.Single(problems);
        Assert.Equal("/d/c.yml", d.File);
        Assert.True(d.Line >= 3);
        Assert.Contains("not valid YAML", d.Message);
    }

    [Fact]
    public void Reports_a_port_that_is_not_a_number()
    {
        var problems = new List<Diagnostic>();
        ComposeParser.Parse("/d/c.yml", "services:\n  a:\n    ports: [\"web:80\"]\n", problems);
        var d = Assert.Single(problems);
        Assert.Equal((3, "services.a.ports"), (d.Line, d.Field));
        Assert.Contains("\"web:80\"", d.Message);
    }

    [Fact]
    public void Reports_a_file_without_services()
    {
        var problems = new List<Diagnostic>();
        ComposeParser.Parse("/d/c.yml", "volumes: {}\n", problems);
        Assert.Equal("services", Assert.Single(problems).Field);
    }
}
