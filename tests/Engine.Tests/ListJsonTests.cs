using System.Text.Json;
using Engine.Tests.Support;

namespace Engine.Tests;

public sealed class ListJsonTests : IDisposable
{
    private readonly BuildHarness harness = new();

    public void Dispose() => harness.Dispose();

    private JsonElement List()
    {
        var result = harness.RunWithDefaults<SampleBuild>(["--list-json"], [x => x.Default]);
        Assert.Equal(0, result.ExitCode);
        return JsonDocument.Parse(result.Output).RootElement;
    }

    private static string[] Strings(JsonElement array) => array.EnumerateArray().Select(e => e.GetString()!).ToArray();

    [Fact]
    public void Targets_carry_their_relations_parameters_and_default_flag()
    {
        var targets = List().GetProperty("targets").EnumerateArray().ToDictionary(t => t.GetProperty("name").GetString()!);

        Assert.Equal(["Restore", "BuildImages", "PushGhcr", "DeployWorkers", "Verify", "Internal", "Default"], targets.Keys);
        var deploy = targets["DeployWorkers"];
        Assert.Equal("Roll out the workers", deploy.GetProperty("description").GetString());
        Assert.Equal(["BuildImages"], Strings(deploy.GetProperty("dependsOn")));
        Assert.Equal(["Verify"], Strings(deploy.GetProperty("triggers")));
        Assert.Equal(["TargetNode"], Strings(deploy.GetProperty("requires")));
        Assert.Equal(["Tag"], Strings(targets["PushGhcr"].GetProperty("uses")));
        Assert.True(targets["Default"].GetProperty("isDefault").GetBoolean());
        Assert.False(deploy.GetProperty("isDefault").GetBoolean());
        Assert.True(targets["Internal"].GetProperty("unlisted").GetBoolean());
    }

    [Fact]
    public void Parameters_carry_cli_name_type_default_secret_flag_and_environment_variables()
    {
        var parameters = List().GetProperty("parameters").EnumerateArray().ToDictionary(p => p.GetProperty("name").GetString()!);

        var node = parameters["TargetNode"];
        Assert.Equal("--target-node", node.GetProperty("cliName").GetString());
        Assert.Equal("string[]", node.GetProperty("type").GetString());
        Assert.Equal(JsonValueKind.Null, node.GetProperty("default").ValueKind);
        Assert.Equal("Node(s) to deploy to", node.GetProperty("description").GetString());
        Assert.False(node.GetProperty("secret").GetBoolean());
        Assert.Equal(["KTRDR_TARGET_NODE", "TARGET_NODE"], Strings(node.GetProperty("envVars")));
        Assert.Equal("latest", parameters["Tag"].GetProperty("default").GetString());
        Assert.True(parameters["RegistryPassword"].GetProperty("secret").GetBoolean());
        Assert.Equal("***", parameters["RegistryPassword"].GetProperty("default").GetString());
    }
}
