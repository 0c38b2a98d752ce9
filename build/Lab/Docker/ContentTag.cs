using BuildEngine;

namespace Ktrdr.Deploy.Lab.Docker;

/// <summary>
/// An image tag that changes exactly when what the image is built from changes: the SHA-256 of every file in its
/// Dockerfile folder (relative path and bytes, in a fixed order) and the id of the base image.
/// </summary>
internal static class ContentTag
{
    public static string Compute(string folder, string baseImageId)
    {
        using var hash = new ContentHash();
        return hash.Line($"base {baseImageId}").Folder(folder).Hex()[..12];
    }
}
