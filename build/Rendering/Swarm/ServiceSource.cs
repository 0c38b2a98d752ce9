using System.Text.RegularExpressions;
using Ktrdr.Deploy.Rendering.Compose;
using Ktrdr.Deploy.Topology;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Ktrdr.Deploy.Rendering.Swarm;

/// <summary>
/// One compose service as one node runs it: its YAML (merge keys resolved), the node's variables, and where to report.
/// Every value is resolved here, at render time: <c>docker stack deploy</c> reads no <c>.env</c>, and a per-node service
/// needs that node's values. <c>$$</c> stays escaped (the stack deploy interpolates once more).
/// </summary>
internal sealed partial class ServiceSource(EnvironmentTopology env, NodeSpec node, ComposeFile file, string name, YamlMappingNode body,
    IReadOnlyDictionary<string, string> variables, List<Diagnostic> diagnostics, StackInputs inputs)
{
    /// <summary>What the render knows beyond the sources (digests, secret versions, the bundle files' hashes).</summary>
    public StackInputs Inputs => inputs;

    public EnvironmentTopology Env => env;
    public NodeSpec Node => node;
    public string ComposeName => name;
    public string StackName => SwarmNames.Service(node, name);
    public YamlMappingNode Body => body;
    public SourcePosition Position => ComposeParser.Position(body);

    public YamlNode? Child(string key) => body.Children.TryGetValue(new YamlScalarNode(key), out var node) ? node : null;

    public string? Text(string key) => (Child(key) as YamlScalarNode)?.Value;

    public string Resolve(string raw) => VariableReference.Substitute(raw, variables, keepEscapedDollars: true);

    /// <summary>A YAML value with every scalar resolved: numbers and booleans written plain stay plain.</summary>
    public object Tree(YamlNode node) => node switch
    {
        YamlScalarNode s when s.Style is ScalarStyle.Plain or ScalarStyle.Any && PlainValue().IsMatch(s.Value ?? "") => new Plain(s.Value!),
        YamlScalarNode s => Resolve(s.Value ?? ""),
        YamlSequenceNode seq => seq.Select(Tree).ToList(),
        YamlMappingNode map => ToMap(map),
        _ => "",
    };

    /// <summary>A command or entrypoint as a list (a string is split on spaces, as compose does for exec form).</summary>
    public List<object>? Words(string key) => Child(key) switch
    {
        YamlSequenceNode seq => seq.Select(Tree).ToList(),
        YamlScalarNode { Value: { } s } => Resolve(s).Split(' ', StringSplitOptions.RemoveEmptyEntries).Cast<object>().ToList(),
        _ => null,
    };

    /// <summary>Names of the topology's secrets referenced in a raw text.</summary>
    public IReadOnlyList<string> SecretsIn(string raw) =>
        VariableReference.FindAll(raw).Select(r => r.Name).Where(env.Secrets.ContainsKey).Distinct().ToList();

    /// <summary>The topology's image behind the service's <c>image: ${KTRDR_IMAGE}</c>, or null when it names one directly.</summary>
    public ImageSpec? Image() =>
        Text("image") is { } raw ? VariableReference.FindAll(raw).Select(r => env.Images.Values.FirstOrDefault(i => i.EnvVariable == r.Name)).FirstOrDefault(i => i is not null) : null;

    /// <summary>The service as the compose parser read it (environment entries with their positions, pass-through as null).</summary>
    public ComposeService? Parsed => file.Service(name);

    public void Report(YamlNode? at, string key, string message, string hint, DiagnosticSeverity severity = DiagnosticSeverity.Error) =>
        Report(at is null ? Position : ComposeParser.Position(at), key, message, hint, severity);

    public void Report(SourcePosition position, string key, string message, string hint, DiagnosticSeverity severity = DiagnosticSeverity.Error)
    {
        var field = key.Length == 0 ? $"services.{name}" : $"services.{name}.{key}";
        diagnostics.Add(new Diagnostic(file.Path, position.Line, position.Column, field, message, hint, severity));
    }

    private YMap ToMap(YamlMappingNode map)
    {
        var result = new YMap();
        foreach (var (k, v) in map.Children) result.Set(((YamlScalarNode)k).Value ?? "", Tree(v));
        return result;
    }

    [GeneratedRegex(@"^(-?[0-9]+(\.[0-9]+)?|true|false)$")] private static partial Regex PlainValue();
}
