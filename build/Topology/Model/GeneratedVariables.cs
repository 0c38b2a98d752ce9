namespace Ktrdr.Deploy.Topology;

/// <summary>
/// The variables the deploy writes into every node's <c>.env</c> itself, with what each holds. A topology's
/// <c>env</c> cannot set them: <c>NODE_NAME: evil</c> would make every worker register under the same id.
/// The image reference variables (<c>images.&lt;key&gt;.env</c>) are generated too.
/// </summary>
public static class GeneratedVariables
{
    public const string NodeName = "NODE_NAME";
    public const string NodeHost = "NODE_HOST";
    public const string BackendHost = "BACKEND_HOST";
    public const string ApiEnvironment = "KTRDR_API_ENVIRONMENT";
    public const string SharedDataPath = "SHARED_DATA_PATH";
    public const string ImageTag = "IMAGE_TAG";

    /// <summary>Name → what the deploy writes there.</summary>
    public static readonly IReadOnlyDictionary<string, string> Fixed = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [NodeName] = "the node's name",
        [NodeHost] = "the node's host",
        [BackendHost] = "the core node's host",
        [ApiEnvironment] = "api_environment",
        [SharedDataPath] = "storage.path",
        [ImageTag] = "the deploy's --tag",
    };

    /// <summary>What generates <paramref name="name"/> in <paramref name="env"/>, or null when the deploy leaves it to the topology.</summary>
    public static string? Source(EnvironmentTopology env, string name) =>
        Fixed.TryGetValue(name, out var what)
            ? $"the deploy writes it for every node ({what})"
            : env.Images.Values.FirstOrDefault(i => i.EnvVariable == name) is { } image
                ? $"the deploy writes it from images.{image.Key}.env (the image reference)"
                : null;
}
