using Ktrdr.Deploy.Topology.Reading;

namespace Ktrdr.Deploy.Topology.Checks;

/// <summary>
/// Images we build (build: true) have a Dockerfile and take the deploy tag; images we only pull
/// have a fixed tag. Any logical name may be built (the lab builds its database image too).
/// </summary>
internal static class ImageChecks
{
    public static void Run(EnvironmentTopology topology, ReadContext context)
    {
        foreach (var image in topology.Images.Values.Where(i => !context.Failed(Field(i, "build"))))
        {
            if (image.Build) CheckBuilt(image, context);
            else CheckPulled(image, context);
        }
        DuplicateValues.Report(context, topology.Images.Values.Select(i => (Field(i, "env"), i.Key, i.EnvVariable)), "env variable name",
            "each image needs its own variable in .env (e.g. KTRDR_IMAGE, DB_IMAGE), or compose files would read the wrong image");
    }

    private static void CheckBuilt(ImageSpec image, ReadContext context)
    {
        if (image.Dockerfile is null && !context.Failed(Field(image, "dockerfile")))
            context.Report(Field(image, "dockerfile"), "expected a Dockerfile path for an image with build: true, found nothing",
                "add `dockerfile: docker/Dockerfile` (relative to the repository root), or set build: false and give a tag");
        if (image.Tag is not null && !context.Failed(Field(image, "tag")))
            context.Report(Field(image, "tag"), $"expected no tag for an image with build: true, found \"{image.Tag}\"",
                "remove `tag:`: images we build are tagged with the deploy tag (--tag)");
    }

    private static void CheckPulled(ImageSpec image, ReadContext context)
    {
        if (image.Tag is null && !context.Failed(Field(image, "tag")))
            context.Report(Field(image, "tag"), "expected a fixed tag for an image we do not build, found nothing",
                "add `tag: \"<version>\"` with an exact version, or set build: true with a dockerfile");
        if (image.Dockerfile is not null && !context.Failed(Field(image, "dockerfile")))
            context.Report(Field(image, "dockerfile"), "expected no dockerfile for an image with build: false, found one",
                "remove `dockerfile:`, or set `build: true` if we build this image");
    }

    private static string Field(ImageSpec image, string key) => $"images.{image.Key}.{key}";
}
