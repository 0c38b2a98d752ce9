using Ktrdr.Deploy.Lab.Docker;
using Ktrdr.Deploy.Lab.Tests.Support;

namespace Ktrdr.Deploy.Lab.Tests.Docker;

public sealed class ContentTagTests : IDisposable
{
    private readonly ScratchDirectory _folder = new();

    public ContentTagTests()
    {
        File.WriteAllText(Path.Combine(_folder.Path, "Dockerfile"), "FROM base\n");
        File.WriteAllText(Path.Combine(_folder.Path, "entrypoint.sh"), "#!/bin/sh\n");
    }

    [Fact]
    public void The_tag_is_stable_for_the_same_files_and_base()
    {
        var tag = ContentTag.Compute(_folder.Path, "sha256:aaa");
        Assert.Matches("^[0-9a-f]{12}$", tag);
        Assert.Equal(tag, ContentTag.Compute(_folder.Path, "sha256:aaa"));
    }

    [Fact]
    public void The_tag_changes_with_a_file_a_new_file_or_the_base_image()
    {
        var before = ContentTag.Compute(_folder.Path, "sha256:aaa");
        Assert.NotEqual(before, ContentTag.Compute(_folder.Path, "sha256:bbb"));
        File.AppendAllText(Path.Combine(_folder.Path, "entrypoint.sh"), "exit 0\n");
        var edited = ContentTag.Compute(_folder.Path, "sha256:aaa");
        Assert.NotEqual(before, edited);
        File.WriteAllText(Path.Combine(_folder.Path, "extra.conf"), "");
        Assert.NotEqual(edited, ContentTag.Compute(_folder.Path, "sha256:aaa"));
    }

    [Fact]
    public void The_repositorys_lab_images_each_get_their_own_tag()
    {
        var tags = new[] { "node", "registry", "dns" }.Select(k => LabImages.Reference(k, LabSamples.Dockerfiles, "sha256:aaa")).ToList();
        Assert.Equal(3, tags.Distinct().Count());
        Assert.StartsWith("ktrdr-lab/node:", tags[0]);
    }

    public void Dispose() => _folder.Dispose();
}
