using Ktrdr.Deploy.Rendering.Bundles;

namespace Rendering.Tests;

/// <summary>The one manifest type: what RenderConfigs writes is what the deploy and the rollback read back.</summary>
public class BundleManifestTests
{
    private const string Hash = "3f2a9c01d4e5f60718293a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d";

    [Fact]
    public void A_rendered_bundle_manifest_reads_back_with_its_node_tag_hash_and_files()
    {
        using var tree = new DeployTree();
        var bundle = tree.Render().Bundles.Single(b => b.Node.Name == "workers-b");

        var manifest = BundleManifest.Parse(bundle.Manifest().Content);

        Assert.NotNull(manifest);
        Assert.Equal(("homelab", "workers-b", bundle.Tag, bundle.Hash), (manifest.Environment, manifest.Node, manifest.Tag, manifest.BundleHash));
        Assert.Equal(bundle.Files.ToDictionary(f => f.Path, f => f.Sha256), manifest.FileHashes);
        Assert.Equal(BundleManifest.FileName, bundle.Manifest().Path);
    }

    [Fact]
    public void The_written_json_keeps_its_field_names_and_order()
    {
        var json = new BundleManifest("lab", "core", "sha-7c8143b", Hash, [new BundleManifestFile(".env", "ab", 12)]).ToJson();

        Assert.Equal($$"""
            {
              "environment": "lab",
              "node": "core",
              "tag": "sha-7c8143b",
              "bundleHash": "{{Hash}}",
              "files": [
                {
                  "path": ".env",
                  "sha256": "ab",
                  "bytes": 12
                }
              ]
            }

            """.ReplaceLineEndings("\n"), json);
    }

    [Fact]
    public void A_missing_tag_reads_as_null_and_a_missing_file_list_as_empty()
    {
        var manifest = BundleManifest.Parse($$"""{ "node": "core", "bundleHash": "{{Hash}}" }""");

        Assert.NotNull(manifest);
        Assert.Null(manifest.Tag);
        Assert.Empty(manifest.FileHashes);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("[1, 2]")]
    [InlineData("""{ "node": "core" }""")]
    [InlineData("""{ "node": "core", "bundleHash": 7 }""")]
    [InlineData("""{ "bundleHash": "3f2a" }""")]
    public void Text_that_is_not_a_manifest_reads_as_null_never_as_an_exception(string? text) =>
        Assert.Null(BundleManifest.Parse(text));

    [Fact]
    public void Files_without_a_path_or_hash_are_left_out()
    {
        var manifest = BundleManifest.Parse($$"""{ "node": "core", "bundleHash": "{{Hash}}", "files": [ { "path": "a", "sha256": "1" }, { "path": "b" }, 3 ] }""");

        Assert.Equal(new Dictionary<string, string> { ["a"] = "1" }, manifest!.FileHashes);
    }
}
