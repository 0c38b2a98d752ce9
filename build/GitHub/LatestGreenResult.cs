namespace Ktrdr.Deploy.GitHub;

/// <summary>
/// The answer to <c>--tag latest-green</c>: the tag of the newest commit whose workflow run succeeded (with that
/// commit and the run's page), or an error for the operator saying why there is none.
/// </summary>
public sealed record LatestGreenResult(string? Tag, string? Sha, string? RunUrl, string? Error)
{
    public bool Found => Tag is not null;

    public static LatestGreenResult Green(string tag, string sha, string runUrl) => new(tag, sha, runUrl, null);

    public static LatestGreenResult None(string error) => new(null, null, null, error);
}
