using System.Text.RegularExpressions;

namespace Ktrdr.Deploy.Lab.Planning;

/// <summary>
/// The lab's id: part of every name the lab creates (<c>ktrdr-lab-&lt;id&gt;-core</c>) and the value of its
/// <c>ktrdr.lab</c> label. By default a short hash of the checkout's path, so two checkouts never collide.
/// </summary>
public static partial class LabId
{
    public const int MaxLength = 12;

    /// <summary>6 hex characters of the SHA-256 of the checkout's full path.</summary>
    public static string ForCheckout(string root) => LabHash.Hex(Path.TrimEndingDirectorySeparator(Path.GetFullPath(root)), 6);

    /// <summary>The --lab-id parameter when given (checked), else the checkout's id.</summary>
    public static string Resolve(string? parameter, string root) =>
        string.IsNullOrWhiteSpace(parameter) ? ForCheckout(root) : Validate(parameter);

    public static string Validate(string id) =>
        Shape().IsMatch(id)
            ? id
            : throw new LabException(
                $"--lab-id: expected 1 to {MaxLength} lowercase letters or digits (it becomes part of names such as " +
                $"ktrdr-lab-<id>-core), found \"{id}\". Leave it out to use this checkout's id, or pick one like \"ci{id.Length}\".");

    [GeneratedRegex("^[a-z0-9]{1,12}$")]
    private static partial Regex Shape();
}
