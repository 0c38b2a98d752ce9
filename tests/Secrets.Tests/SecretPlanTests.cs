using Ktrdr.Deploy.Secrets.Tests.Support;
using Ktrdr.Deploy.Topology;

namespace Ktrdr.Deploy.Secrets.Tests;

/// <summary>Which reference each name is read from, including the KTRDR_SECRET_&lt;NAME&gt; override CI uses.</summary>
public sealed class SecretPlanTests
{
    private static readonly EnvironmentTopology Homelab =
        Topologies.WithSecrets(("GHCR_TOKEN", "op://KTRDR Homelab Secrets/core/ghcr_token"), ("DB_PASSWORD", "op://KTRDR Homelab Secrets/core/db_password"));

    [Fact]
    public void Without_an_override_each_name_is_read_from_the_topology()
    {
        var plan = SecretPlan.For(Homelab, ["GHCR_TOKEN"], _ => null);
        Assert.Equal("op://KTRDR Homelab Secrets/core/ghcr_token", Assert.Single(plan.References).ToString());
    }

    [Fact]
    public void A_KTRDR_SECRET_variable_overrides_only_its_own_name()
    {
        var variables = new Dictionary<string, string> { ["KTRDR_SECRET_GHCR_TOKEN"] = "from-the-workflow" };
        var plan = SecretPlan.For(Homelab, ["GHCR_TOKEN", "DB_PASSWORD"], variables.GetValueOrDefault);

        Assert.Equal(["env:KTRDR_SECRET_GHCR_TOKEN", "op://KTRDR Homelab Secrets/core/db_password"], plan.References.Select(r => r.ToString()));
        Assert.Equal("GHCR_TOKEN", plan.References[0].Name);
        Assert.Empty(plan.Failures);
    }

    [Fact]
    public void An_override_does_not_declare_a_secret_the_environment_lacks()
    {
        var variables = new Dictionary<string, string> { ["KTRDR_SECRET_JWT_SECRET"] = new('j', 40) };
        var plan = SecretPlan.For(Homelab, ["JWT_SECRET"], variables.GetValueOrDefault);

        Assert.Empty(plan.References);
        Assert.Equal(SecretPlan.Undeclared, Assert.Single(plan.Failures).Reference);
    }
}
