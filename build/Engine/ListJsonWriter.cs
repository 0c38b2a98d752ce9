using System.Text.Encodings.Web;
using System.Text.Json;

namespace BuildEngine;

/// <summary>
/// <c>--list-json</c>: <c>{"targets":[{name, description, dependsOn, triggers, requires, uses, isDefault, unlisted}],
/// "parameters":[{name, cliName, type, default, description, secret, envVars, allowedValues}]}</c>.
/// <c>requires</c> and <c>uses</c> hold parameter member names (the <c>name</c> of an entry in <c>parameters</c>).
/// </summary>
public static class ListJsonWriter
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static void Write(TextWriter output, BuildModel model)
    {
        var document = new
        {
            Targets = model.Targets.Select(target => new
            {
                target.Name,
                target.Description,
                DependsOn = Names(target.DependsOn),
                Triggers = Names(target.Triggers.Concat(model.Targets.Where(t => t.TriggeredBy.Contains(target)))),
                Requires = target.Requirements.Select(r => r.ParameterName).OfType<string>().ToList(),
                Uses = target.UsedParameters,
                target.IsDefault,
                target.Unlisted,
            }),
            Parameters = model.Parameters.Select(parameter => new
            {
                parameter.Name,
                parameter.CliName,
                Type = ParameterDisplay.TypeName(parameter.Type),
                Default = model.DefaultText(parameter),
                parameter.Description,
                Secret = parameter.IsSecret,
                EnvVars = parameter.EnvironmentVariables(model.EnvironmentPrefix),
                AllowedValues = ParameterDisplay.AllowedValues(parameter.Type),
            }),
        };
        output.WriteLine(JsonSerializer.Serialize(document, Options));
        output.Flush();
    }

    private static List<string> Names(IEnumerable<ExecutableTarget> targets) => targets.Select(t => t.Name).Distinct().ToList();
}
