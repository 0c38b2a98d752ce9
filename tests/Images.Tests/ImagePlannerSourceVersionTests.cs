using System.Xml.Linq;
using Ktrdr.Deploy.Images.Tests.Support;

namespace Ktrdr.Deploy.Images.Tests;

public sealed class ImagePlannerSourceVersionTests
{
    [Fact]
    public void The_standin_version_is_the_Version_of_its_csproj()
    {
        var source = Path.Combine(Samples.DeployRoot, "docker", "standin", "src");
        var expected = XDocument.Load(Path.Combine(source, "Standin.csproj")).Descendants("Version").Single().Value.Trim();
        var recipe = new ImageRecipe("ktrdr", "ktrdr-backend", Path.Combine(Samples.DeployRoot, "docker", "standin", "Dockerfile"),
            source, ContextKind.DotnetPublish);

        Assert.Equal(expected, ImagePlanner.SourceVersion(recipe));
        Assert.Matches(@"^\d+\.\d+\.\d+", expected);
    }

    [Fact]
    public void A_checkout_takes_the_first_version_line_of_pyproject()
    {
        using var checkout = new ScratchFolder();
        checkout.Write("pyproject.toml", "[project]\nname = \"ktrdr\"\nversion = \"2.3.4\"\n\n[tool.other]\nversion = \"9.9.9\"\n");
        var recipe = new ImageRecipe("ktrdr", "ktrdr-backend", checkout.Path + "/Dockerfile", checkout.Path, ContextKind.Checkout);

        Assert.Equal("2.3.4", ImagePlanner.SourceVersion(recipe));
    }

    [Fact]
    public void A_checkout_whose_pyproject_declares_no_version_has_none()
    {
        using var checkout = new ScratchFolder();
        checkout.Write("pyproject.toml", "[project]\nname = \"ktrdr\"\ndynamic = [\"version\"]\n");
        var recipe = new ImageRecipe("ktrdr", "ktrdr-backend", checkout.Path + "/Dockerfile", checkout.Path, ContextKind.Checkout);

        Assert.Null(ImagePlanner.SourceVersion(recipe));
    }

    [Fact]
    public void A_plain_folder_has_no_version() =>
        Assert.Null(ImagePlanner.SourceVersion(Samples.FolderRecipe(Path.Combine(Samples.DeployRoot, "docker", "lab", "postgres", "Dockerfile"))));
}
