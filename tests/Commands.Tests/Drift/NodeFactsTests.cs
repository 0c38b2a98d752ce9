using System.Text;
using Commands.Tests.Support;
using Ktrdr.Deploy.Commands.Drift;
using Ktrdr.Deploy.Commands.Output;
using Ktrdr.Deploy.Remote.Local;

namespace Commands.Tests.Drift;

public class NodeFactsTests
{
    private static string B64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));

    private static readonly string Container =
        "{\"imageId\":\"sha256:img1\",\"id\":\"c1\",\"name\":\"/ktrdr_worker-1_1\",\"created\":\"2026-12-01T00:00:00.123456789Z\"," +
        "\"image\":\"registry.lab:5000/ktrdr:sha-1\",\"service\":\"worker-1\",\"configHash\":\"c0ffee\"," +
        "\"state\":{\"Status\":\"running\",\"ExitCode\":0,\"StartedAt\":\"2026-12-01T00:00:01Z\",\"Health\":{\"Status\":\"healthy\"}}}";

    private static string Output(string texts = "", string hashes = "worker-1 c0ffee\n") =>
        "@@files\n" + new string('a', 64) + "  ./docker-compose.workers.yml\n" + new string('b', 64) + "  ./prometheus/prometheus.yml\n" +
        "@@stamp\n" + B64("{\"bundleHash\":\"b1\"}") + "\n@@manifest\n" + B64("{\"node\":\"workers-b\"}") + "\n@@texts\n" + texts +
        "@@hashes\n" + hashes + "@@containers\n" + Container + "\n@@images\nsha256:img1 registry.lab:5000/ktrdr@sha256:d1\n@@end\n";

    [Fact]
    public void The_output_gives_files_stamp_manifest_changed_texts_config_hashes_and_containers_with_their_digests()
    {
        var facts = NodeFactsCommand.Parse(Sample.Output(Output($"@@text docker-compose.workers.yml\n{B64("services: {}\n")}\n")), Nodes.Node());

        Assert.True(facts.DeployDirectoryExists);
        Assert.Equal(new Dictionary<string, string> { ["docker-compose.workers.yml"] = new('a', 64), ["prometheus/prometheus.yml"] = new('b', 64) }, facts.Files);
        Assert.Equal("{\"bundleHash\":\"b1\"}", facts.Stamp);
        Assert.Equal("{\"node\":\"workers-b\"}", facts.Manifest);
        Assert.Equal("services: {}\n", facts.ChangedTexts["docker-compose.workers.yml"]);
        Assert.Equal("c0ffee", facts.ConfigHashes!["worker-1"]);
        var container = Assert.Single(facts.Containers);
        Assert.Equal(("worker-1", "running", "c0ffee", "sha256:img1"), (container.Status.Service, container.Status.State, container.Status.ConfigHash, container.ImageId));
        Assert.Equal(["registry.lab:5000/ktrdr@sha256:d1"], container.RepoDigests);
    }

    [Fact]
    public void When_compose_could_not_hash_the_files_there_are_no_config_hashes()
    {
        Assert.Null(NodeFactsCommand.Parse(Sample.Output(Output(hashes: "@@hash-failed\n")), Nodes.Node()).ConfigHashes);
    }

    [Fact]
    public void Without_hashing_compose_is_not_asked_and_the_output_has_no_config_hashes()
    {
        var command = NodeFactsCommand.Read(Nodes.Node(), new Dictionary<string, string>(), new Dictionary<string, string>(), hashConfig: false);

        Assert.DoesNotContain("config --hash", command.Script);
        Assert.Contains("config --hash", NodeFactsCommand.Read(Nodes.Node(), new Dictionary<string, string>(), new Dictionary<string, string>()).Script);
        Assert.Null(NodeFactsCommand.Parse(Sample.Output(Output(hashes: "@@hash-skipped\n")), Nodes.Node()).ConfigHashes);
    }

    [Fact]
    public void A_node_without_its_deploy_directory_has_no_files_and_no_hashes()
    {
        var facts = NodeFactsCommand.Parse(Sample.Output("@@nodir\n@@containers\n@@images\n@@end\n"), Nodes.Node());

        Assert.False(facts.DeployDirectoryExists);
        Assert.Empty(facts.Files);
        Assert.Null(facts.ConfigHashes);
        Assert.Empty(facts.Containers);
    }

    [Theory]
    [InlineData("@@files\n@@containers\n", "no '@@end' line")]
    [InlineData("@@files\nnot-a-hash ./x\n@@end\n", "expected 'sha256  ./path' lines, found 'not-a-hash ./x'")]
    [InlineData("@@stamp\n!!!\n@@end\n", "not the base64 the command prints")]
    public void Output_of_another_shape_is_an_error_that_names_the_node_and_the_problem(string output, string problem)
    {
        var error = Assert.Throws<UnexpectedOutputException>(() => NodeFactsCommand.Parse(Sample.Output(output), Nodes.Node()));

        Assert.Contains("the state of workers-b", error.Message);
        Assert.Contains(problem, error.Message);
    }

    [Fact]
    public void Secrets_travel_in_the_environment_and_the_expected_files_on_standard_input_never_in_the_script()
    {
        var command = NodeFactsCommand.Read(Nodes.Node(), new Dictionary<string, string> { [".env"] = "e1", ["a b.yml"] = "a1" },
            new Dictionary<string, string> { ["DB_PASSWORD"] = "s3cret-value" });

        Assert.DoesNotContain("s3cret-value", command.Script);
        Assert.Equal("s3cret-value", command.SecretEnvironment["DB_PASSWORD"]);
        Assert.Equal("e1 .env\na1 a b.yml\n", command.StandardInput);
        Assert.Contains("config --hash '*'", command.Script);
    }

    /// <summary>
    /// The script's file part runs for real in sh on this machine (find, sha256sum, base64, the read loop); this machine
    /// has no Docker daemon, so a <c>docker</c> that lists no containers stands in for it (the lab tests run it all on real nodes).
    /// </summary>
    [Fact]
    public async Task Run_for_real_it_hashes_every_file_and_returns_only_the_changed_expected_texts()
    {
        using var tree = new TempTree();
        var deploy = tree.Path("opt/ktrdr-workers-b");
        Directory.CreateDirectory(Path.Combine(deploy, "prometheus"));
        await File.WriteAllTextAsync(Path.Combine(deploy, "docker-compose.workers.yml"), "services: {}\n");
        await File.WriteAllTextAsync(Path.Combine(deploy, ".env"), "A=1\nB=2\n");
        await File.WriteAllTextAsync(Path.Combine(deploy, "notes with space.txt"), "hand\n");
        await File.WriteAllTextAsync(Path.Combine(deploy, NodeFactsCommand.StampFile), "{\"bundleHash\":\"b1\"}");
        var bin = tree.Path("bin");
        Directory.CreateDirectory(bin);
        await File.WriteAllTextAsync(Path.Combine(bin, "docker"), "#!/bin/sh\n[ \"$1\" != compose ] || exit 1\nexit 0\n");
        File.SetUnixFileMode(Path.Combine(bin, "docker"), UnixFileMode.UserRead | UnixFileMode.UserExecute | UnixFileMode.UserWrite);
        var node = Nodes.Node(deployDirectory: deploy, compose: Ktrdr.Deploy.Topology.ComposeCommand.DockerCompose);
        var expected = new Dictionary<string, string>
        {
            ["docker-compose.workers.yml"] = Sha("services: {}\n"), [".env"] = Sha("A=1\n"), ["gone.yml"] = Sha("x"),
        };
        var command = NodeFactsCommand.Read(node, expected, new Dictionary<string, string>());
        command = command with { Script = $"PATH={bin}:$PATH; " + command.Script };

        var facts = NodeFactsCommand.Parse(await new LocalExecutor().RunAsync(command, default), node);

        Assert.Equal(Sha("A=1\nB=2\n"), facts.Files[".env"]);
        Assert.Contains("notes with space.txt", facts.Files.Keys);
        Assert.Equal(new Dictionary<string, string> { [".env"] = "A=1\nB=2\n" }, facts.ChangedTexts);
        Assert.Equal("{\"bundleHash\":\"b1\"}", facts.Stamp);
        Assert.Null(facts.Manifest);
        Assert.Null(facts.ConfigHashes);
        Assert.Empty(facts.Containers);
    }

    private static string Sha(string text) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
