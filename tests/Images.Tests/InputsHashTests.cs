using Ktrdr.Deploy.Images.Tests.Support;

namespace Ktrdr.Deploy.Images.Tests;

public sealed class InputsHashTests : IDisposable
{
    private const string DockerfileText = "ARG BASE_IMAGE\nFROM ${BASE_IMAGE}\nCOPY entrypoint.sh /usr/local/bin/\nCOPY conf/ /etc/app/\n";

    private readonly ScratchFolder _folder = new();
    private readonly ImageRecipe _recipe;

    private static readonly IReadOnlyDictionary<string, string> Arguments = ImageCommands.Arguments(Samples.Settings(baseImage: Samples.Base), wantsBaseImage: true);
    private static readonly IReadOnlyDictionary<string, string> Labels = ImageCommands.Labels(Samples.Settings());

    public InputsHashTests()
    {
        _recipe = Samples.FolderRecipe(_folder.Write("Dockerfile", DockerfileText));
        _folder.Write("entrypoint.sh", "#!/bin/sh\nexec \"$@\"\n");
        _folder.Write("conf/app.yml", "port: 5432\n");
    }

    public void Dispose() => _folder.Dispose();

    private string Hash() => InputsHash.Compute(_recipe, Arguments, Labels);

    private static Dictionary<string, string> With(IReadOnlyDictionary<string, string> values, string key, string value) =>
        new(values) { [key] = value };

    [Fact]
    public void The_same_inputs_give_the_same_sha256_wherever_the_folder_is()
    {
        var hash = Hash();
        Assert.Matches("^[0-9a-f]{64}$", hash);
        Assert.Equal(hash, Hash());

        using var copy = new ScratchFolder();
        TestSupport.RepoFiles.CopyTree(_folder.Path, copy.Path);
        Assert.Equal(hash, InputsHash.Compute(_recipe with { Dockerfile = Path.Combine(copy.Path, "Dockerfile"), Source = copy.Path }, Arguments, Labels));
    }

    [Fact]
    public void Changing_one_byte_of_a_file_changes_the_hash()
    {
        var before = Hash();
        _folder.Write("conf/app.yml", "port: 5433\n");
        Assert.NotEqual(before, Hash());
    }

    [Fact]
    public void Changing_the_secrets_entrypoint_changes_the_hash()
    {
        var script = _folder.Write("../" + System.IO.Path.GetFileName(_folder.Path) + "-entrypoint", "#!/bin/sh\nexec \"$@\"\n");
        try
        {
            var recipe = _recipe with { SecretsEntrypoint = script };
            var before = InputsHash.Compute(recipe, Arguments, Labels);
            Assert.NotEqual(Hash(), before);

            File.AppendAllText(script, "# changed\n");

            Assert.NotEqual(before, InputsHash.Compute(recipe, Arguments, Labels));
        }
        finally
        {
            File.Delete(script);
        }
    }

    [Fact]
    public void Changing_the_dockerfile_changes_the_hash()
    {
        var before = Hash();
        _folder.Write("Dockerfile", DockerfileText + "USER 999\n");
        Assert.NotEqual(before, Hash());
    }

    [Fact]
    public void Adding_a_file_changes_the_hash()
    {
        var before = Hash();
        _folder.Write("conf/extra.yml", "");
        Assert.NotEqual(before, Hash());
    }

    [Fact]
    public void Renaming_a_file_changes_the_hash()
    {
        var before = Hash();
        File.Move(Path.Combine(_folder.Path, "conf", "app.yml"), Path.Combine(_folder.Path, "conf", "app2.yml"));
        Assert.NotEqual(before, Hash());
    }

    [Fact]
    public void Changing_a_label_value_changes_the_hash() =>
        Assert.NotEqual(Hash(), InputsHash.Compute(_recipe, Arguments, With(Labels, ImageCommands.Version, "1.0.1")));

    [Fact]
    public void Changing_an_argument_changes_the_hash()
    {
        Assert.NotEqual(Hash(), InputsHash.Compute(_recipe, With(Arguments, "REVISION", new string('f', 40)), Labels));
        Assert.NotEqual(Hash(), InputsHash.Compute(_recipe, With(Arguments, "BASE_IMAGE_ID", "sha256:" + new string('c', 64)), Labels));
    }

    [Fact]
    public void The_order_of_arguments_and_labels_does_not_matter()
    {
        var reversedArguments = Arguments.Reverse().ToDictionary(p => p.Key, p => p.Value);
        var reversedLabels = Labels.Reverse().ToDictionary(p => p.Key, p => p.Value);
        Assert.Equal(Hash(), InputsHash.Compute(_recipe, reversedArguments, reversedLabels));
    }

    [Theory]
    [InlineData("bin/Release/app.dll")]
    [InlineData("obj/project.assets.json")]
    [InlineData(".git/HEAD")]
    [InlineData("__pycache__/main.cpython-311.pyc")]
    [InlineData("conf/obj/nested.cache")]
    [InlineData("conf/__pycache__/app.cpython-311.pyc")]
    public void Build_output_caches_and_vcs_data_are_not_inputs(string relative)
    {
        var before = Hash();
        _folder.Write(relative, "generated " + Guid.NewGuid());
        Assert.Equal(before, Hash());
        Assert.DoesNotContain(relative, InputsHash.Files(_folder.Path));
    }

    [Fact]
    public void Files_are_sorted_slash_separated_relative_paths_without_ignored_folders()
    {
        _folder.Write("b.txt", "b");
        _folder.Write("a/z.txt", "z");
        _folder.Write("a/b/c.txt", "c");
        _folder.Write("bin/x.dll", "x");
        _folder.Write("a/.git/config", "[core]");

        Assert.Equal(["Dockerfile", "a/b/c.txt", "a/z.txt", "b.txt", "conf/app.yml", "entrypoint.sh"], InputsHash.Files(_folder.Path));
    }
}
