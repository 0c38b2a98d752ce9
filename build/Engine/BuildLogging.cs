using Serilog;
using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting.Display;

namespace BuildEngine;

/// <summary>
/// The run's Serilog logger: a console sink (<c>HH:mm:ss [LVL] message</c>, level by verbosity, stack traces only
/// when verbose) and a debug-level file sink with stack traces. Both pass through <see cref="MaskingFormatter"/>.
/// </summary>
public static class BuildLogging
{
    public const string ConsoleTemplate = "{Timestamp:HH:mm:ss} [{Level:u3}] {Message:lj}{NewLine}";
    public const string FileTemplate = "{Timestamp:yyyy-MM-dd HH:mm:ss.fff} [{Level:u3}] {Message:lj}{NewLine}{Exception}";

    public static Logger Create(TextWriter console, string logFile, Verbosity verbosity)
    {
        var consoleTemplate = verbosity == Verbosity.Verbose ? ConsoleTemplate + "{Exception}" : ConsoleTemplate;
        return new LoggerConfiguration()
            .MinimumLevel.Debug()
            .WriteTo.Sink(
                new TextWriterSink(new MaskingFormatter(new MessageTemplateTextFormatter(consoleTemplate)), console),
                ConsoleLevel(verbosity))
            .WriteTo.File(
                new MaskingFormatter(new MessageTemplateTextFormatter(FileTemplate)),
                logFile,
                restrictedToMinimumLevel: LogEventLevel.Debug)
            .CreateLogger();
    }

    /// <summary><c>&lt;root&gt;/.artifacts/logs/&lt;yyyyMMdd-HHmmss&gt;-&lt;pid&gt;-&lt;targets&gt;.log</c>: two runs started in the same
    /// second (two operators, two CI jobs racing for the deploy lock) each keep their own file.</summary>
    public static string LogFilePath(string root, DateTime startedAt, IEnumerable<string> targetNames)
    {
        var targets = string.Join("-", targetNames);
        var name = $"{startedAt:yyyyMMdd-HHmmss}-{System.Environment.ProcessId}-{(targets.Length == 0 ? "build" : targets)}.log";
        return Path.Combine(root, ".artifacts", "logs", name);
    }

    private static LogEventLevel ConsoleLevel(Verbosity verbosity) => verbosity switch
    {
        Verbosity.Quiet => LogEventLevel.Warning,
        Verbosity.Verbose => LogEventLevel.Debug,
        _ => LogEventLevel.Information,
    };
}
