using Ktrdr.Deploy.Images.Tests.Support;

namespace Ktrdr.Deploy.Images.Tests;

public sealed class ImageCommandsBuildTests
{
    private const string Hash = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
    private const string Context = "/tmp/ktrdr-images/context";

    private static readonly ImageRecipe Recipe = Samples.FolderRecipe("/srv/deploy/docker/lab/postgres/Dockerfile");

    private static IEnumerable<string> Values(IReadOnlyList<string> args, string option) =>
        args.Select((a, i) => (a, i)).Where(x => x.a == option).Select(x => args[x.i + 1]);

    private static IReadOnlyList<string> Build(string dockerfileText, BuildSettings settings, bool wantsBase) =>
        ImageCommands.Build(Recipe, Context, ImagePlanner.Tags(settings), ImageCommands.Labels(settings),
            ImageCommands.Arguments(settings, wantsBase), Hash, dockerfileText);

    [Fact]
    public void Builds_with_the_dockerfile_every_tag_every_label_and_the_context_last()
    {
        var args = Build("ARG BASE_IMAGE\nFROM ${BASE_IMAGE}\n", Samples.Settings("sha-1a2b3c4", "2.3.4", Samples.Base), wantsBase: true);

        Assert.Equal(["build", "--file", "/srv/deploy/docker/lab/postgres/Dockerfile"], args.Take(3));
        Assert.Equal(["ktrdr/ktrdr-lab/postgres:sha-1a2b3c4", "ktrdr/ktrdr-lab/postgres:2.3.4"], Values(args, "--tag"));
        Assert.Equal(
            [$"org.opencontainers.image.revision={Samples.Commit}", $"org.opencontainers.image.source={Samples.SourceUrl}",
             "org.opencontainers.image.version=2.3.4", $"org.ktrdr.inputs={Hash}"],
            Values(args, "--label"));
        Assert.Equal(Context, args[^1]);
        Assert.Equal(1, args.Count(a => a == Context));
    }

    [Fact]
    public void Only_the_arguments_the_dockerfile_declares_are_passed()
    {
        var args = Build("ARG BASE_IMAGE\nFROM ${BASE_IMAGE}\nRUN true\nARG VERSION=\nENV KTRDR_VERSION=${VERSION}\n",
            Samples.Settings("sha-1a2b3c4", "2.3.4", Samples.Base), wantsBase: true);

        Assert.Equal([$"BASE_IMAGE={Samples.Base.Reference}", "VERSION=2.3.4"], Values(args, "--build-arg"));
        Assert.DoesNotContain(args, a => a.StartsWith("BASE_IMAGE_ID=", StringComparison.Ordinal));
    }

    [Fact]
    public void A_dockerfile_with_defaults_gets_revision_source_and_version()
    {
        var args = Build("ARG PYTHON_IMAGE=python:3.11-slim\nFROM ${PYTHON_IMAGE}\nARG REVISION=unknown\nARG VERSION=0.0.0-dev\nARG SOURCE=x\n",
            Samples.Settings("sha-1a2b3c4", "2.3.4"), wantsBase: false);

        Assert.Equal([$"REVISION={Samples.Commit}", $"SOURCE={Samples.SourceUrl}", "VERSION=2.3.4"], Values(args, "--build-arg"));
    }

    [Fact]
    public void The_real_standin_dockerfile_receives_only_the_base_image_and_the_version()
    {
        var text = File.ReadAllText(Path.Combine(Samples.DeployRoot, "docker", "standin", "Dockerfile"));
        var args = Build(text, Samples.Settings("sha-1a2b3c4", "1.0.0", Samples.Base), wantsBase: ImageCommands.WantsBaseImage(text));

        Assert.Equal([$"BASE_IMAGE={Samples.Base.Reference}", "VERSION=1.0.0"], Values(args, "--build-arg"));
    }

    [Fact]
    public void A_checkout_is_built_by_buildkit_with_our_folder_holding_the_secrets_entrypoint_as_the_named_context_ktrdr_deploy()
    {
        var recipe = new ImageRecipe("ktrdr", "ktrdr-backend", "/srv/deploy/docker/Dockerfile", "/src/ktrdr", ContextKind.Checkout,
            "/srv/deploy/docker/ktrdr-secrets-env");

        var args = ImageCommands.Build(recipe, "/src/ktrdr", ["sha-1"], new Dictionary<string, string>(), new Dictionary<string, string>(), Hash, "FROM x\n");

        Assert.Equal(["buildx", "build", "--file", "/srv/deploy/docker/Dockerfile"], args.Take(4));
        Assert.Equal(["ktrdr-deploy=/srv/deploy/docker"], Values(args, "--build-context"));
        Assert.Equal("/src/ktrdr", args[^1]);
    }

    [Fact]
    public void A_staged_context_needs_no_named_context_so_the_classic_builder_can_build_it()
    {
        var args = Build("FROM x\n", Samples.Settings(), wantsBase: false);

        Assert.Empty(Values(args, "--build-context"));
    }

    [Fact]
    public void Inspecting_reads_the_inputs_label_the_id_and_the_size() =>
        Assert.Equal(["image", "inspect", "--format", "{{ index .Config.Labels \"org.ktrdr.inputs\" }}|{{.Id}}|{{.Size}}", "ktrdr/x:1"],
            ImageCommands.InspectInputs("ktrdr/x:1"));
}
