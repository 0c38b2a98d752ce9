using Standin.Hosting;

namespace Standin.Tests;

public class LaunchCommandTests
{
    [Theory]
    [InlineData("ktrdr.api.main:app", ServiceRole.Backend)]
    [InlineData("ktrdr.backtesting.backtest_worker:app", ServiceRole.BacktestingWorker)]
    [InlineData("ktrdr.training.training_worker:app", ServiceRole.TrainingWorker)]
    public void The_compose_command_line_selects_the_role_of_its_module(string application, ServiceRole role)
    {
        var command = LaunchCommand.Parse(["-m", "uvicorn", application, "--host", "0.0.0.0", "--port", "5005"]);

        Assert.Equal(new LaunchCommand(role, application, "0.0.0.0", 5005), command);
    }

    [Fact]
    public void Uvicorn_defaults_and_equals_syntax_are_honoured()
    {
        Assert.Equal(new LaunchCommand(ServiceRole.Backend, "ktrdr.api.main:app", "127.0.0.1", 8000),
            LaunchCommand.Parse(["-m", "uvicorn", "ktrdr.api.main:app"]));
        Assert.Equal(5004, LaunchCommand.Parse(["-m", "uvicorn", "ktrdr.backtesting.backtest_worker:app", "--port=5004", "--log-level", "info"]).Port);
    }

    [Fact]
    public void An_unknown_module_is_refused_with_the_modules_the_image_serves()
    {
        var error = Assert.Throws<StandinConfigurationException>(() => LaunchCommand.Parse(["-m", "uvicorn", "ktrdr.agents.worker:app"]));

        Assert.Contains("unknown application 'ktrdr.agents.worker:app'", error.Message);
        Assert.Contains("ktrdr.training.training_worker:app", error.Message);
    }

    [Fact]
    public void A_module_without_its_attribute_gets_a_hint()
    {
        var error = Assert.Throws<StandinConfigurationException>(() => LaunchCommand.Parse(["-m", "uvicorn", "ktrdr.api.main"]));

        Assert.Contains("<module>:<attribute>", error.Message);
    }

    [Theory]
    [InlineData("--port", "80a", "--port '80a' is not a TCP port")]
    [InlineData("--port", "70000", "--port '70000' is not a TCP port")]
    [InlineData("--reload", null, "unknown uvicorn option '--reload' (argument 4)")]
    [InlineData("--host", null, "option --host needs a value")]
    public void Bad_options_name_the_argument_and_what_was_expected(string option, string? value, string expected)
    {
        string[] args = value is null
            ? ["-m", "uvicorn", "ktrdr.api.main:app", option]
            : ["-m", "uvicorn", "ktrdr.api.main:app", option, value];

        var error = Assert.Throws<StandinConfigurationException>(() => LaunchCommand.Parse(args));

        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void Anything_but_dash_m_uvicorn_is_refused_with_the_usage()
    {
        var error = Assert.Throws<StandinConfigurationException>(() => LaunchCommand.Parse(["-c", "print(1)"]));

        Assert.Contains("found '-c print(1)'", error.Message);
        Assert.Contains(LaunchCommand.Usage, error.Message);
    }
}
