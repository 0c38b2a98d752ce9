using Ktrdr.Deploy.Commands.Compose;
using Ktrdr.Deploy.Rollout.Deploy;
using Rollout.Tests.Support;

namespace Rollout.Tests;

public class DeployStepsTests
{
    // distinctive values: any of them in a script would be a leak
    private const string DbPassword = "pw-Zq81-distinctive";
    private const string JwtSecret = "jwt-Xk42-distinctive";
    private const string Token = "tok-Rr77-distinctive";

    private static readonly Dictionary<string, string> Secrets = new() { ["JWT_SECRET"] = JwtSecret, ["DB_PASSWORD"] = DbPassword };
    private static readonly RegistryPull Login = new("registry.ktrdr.lab:5000", "ktrdr", Token);
    private static readonly ComposeProject Project = new("workers-b", "docker-compose", "/opt/x", ["docker-compose.workers.yml"], ["scale-2"]);

    private static readonly NodeBundle Bundle = new(
        "/repo/.artifacts/render/lab/workers-b", "3f2a9c01d4e5f607",
        new Dictionary<string, string> { ["KTRDR_IMAGE"] = "registry.ktrdr.lab:5000/ktrdr/ktrdr-backend:sha-1" },
        ["DB_PASSWORD", "JWT_SECRET"]);

    private static IReadOnlyList<DeployStep> AllSteps(IReadOnlyDictionary<string, string> secrets, RegistryPull? login) =>
        DeploySteps.All(Nodes.Node(), Bundle, Project, secrets, login);

    [Fact]
    public void Pull_with_a_login_runs_in_a_throw_away_docker_config_with_the_token_on_standard_input()
    {
        var pull = DeploySteps.Pull(Project, Secrets, Login);

        Assert.Contains("mktemp -d", pull.Script);
        Assert.Contains("--password-stdin", pull.Script);
        Assert.Contains("'registry.ktrdr.lab:5000'", pull.Script);
        Assert.Contains("pull --quiet", pull.Script);
        Assert.Equal(Token, pull.StandardInput);
        Assert.Equal(Secrets, pull.SecretEnvironment);
    }

    [Fact]
    public void Pull_without_a_login_is_the_plain_compose_pull_with_the_secrets()
    {
        var pull = DeploySteps.Pull(Project, Secrets, null);

        Assert.DoesNotContain("mktemp", pull.Script);
        Assert.DoesNotContain("docker login", pull.Script);
        Assert.Null(pull.StandardInput);
        Assert.StartsWith("cd -- '/opt/x' && docker-compose -p ktrdr -f 'docker-compose.workers.yml' --profile 'scale-2' pull --quiet", pull.Script);
        Assert.Equal(Secrets, pull.SecretEnvironment);
    }

    [Fact]
    public void Up_removes_orphans_and_carries_the_secrets()
    {
        var up = DeploySteps.Up(Project, Secrets);

        Assert.Contains("up -d --remove-orphans", up.Script);
        Assert.Contains("--profile 'scale-2'", up.Script);
        Assert.Equal(Secrets, up.SecretEnvironment);
        Assert.Null(up.StandardInput);
    }

    [Fact]
    public void No_secret_value_appears_in_any_step_script_description_or_detail()
    {
        var steps = AllSteps(Secrets, Login);

        foreach (var step in steps)
        foreach (var value in new[] { DbPassword, JwtSecret, Token })
        {
            Assert.DoesNotContain(value, step.Detail);
            Assert.DoesNotContain(value, step.Command?.Script ?? "");
            Assert.DoesNotContain(value, step.Command?.Description ?? "");
        }
    }

    [Fact]
    public void The_secrets_travel_in_the_secret_environment_of_pull_and_up()
    {
        var steps = AllSteps(Secrets, Login).ToDictionary(s => s.Name);

        Assert.Equal(Secrets, steps["pull"].Command!.SecretEnvironment);
        Assert.Equal(Secrets, steps["up"].Command!.SecretEnvironment);
        Assert.Empty(steps["state"].Command!.SecretEnvironment);
    }

    [Fact]
    public void All_lists_the_steps_in_order()
    {
        var steps = AllSteps(Secrets, Login);

        Assert.Equal(["pre-flight", "state", "upload", "pull", "up", "health", "stamp"], steps.Select(s => s.Name));
        Assert.Equal(["state", "pull", "up"], steps.Where(s => s.Command is not null).Select(s => s.Name));
    }

    [Fact]
    public void The_details_name_the_secrets_sorted_the_login_and_the_stamp_file()
    {
        var steps = AllSteps(Secrets, Login).ToDictionary(s => s.Name);

        Assert.Contains("DB_PASSWORD, JWT_SECRET", steps["pull"].Detail);
        Assert.Contains("registry.ktrdr.lab:5000 as ktrdr", steps["pull"].Detail);
        Assert.Contains("/opt/ktrdr-workers-b/.ktrdr-deployed.json", steps["stamp"].Detail);
        Assert.Contains("/repo/.artifacts/render/lab/workers-b", steps["upload"].Detail);
    }

    [Fact]
    public void Without_secrets_or_login_the_pull_says_none_and_uses_no_docker_config()
    {
        var pull = AllSteps(new Dictionary<string, string>(), null).Single(s => s.Name == "pull");

        Assert.Contains("none", pull.Detail);
        Assert.DoesNotContain("DOCKER_CONFIG", pull.Detail);
        Assert.DoesNotContain("mktemp", pull.Command!.Script);
    }
}
