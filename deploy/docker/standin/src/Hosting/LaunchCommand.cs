using System.Globalization;

namespace Standin.Hosting;

/// <summary>
/// The command line of the real image, <c>python -m uvicorn &lt;module&gt;:app --host H --port P</c>, as the
/// stand-in receives it (the image's uvicorn shim passes <c>-m uvicorn</c> and everything after it).
/// </summary>
public sealed record LaunchCommand(ServiceRole Role, string Application, string Host, int Port)
{
    public const string Usage = "usage: standin -m uvicorn <module>:app [--host 0.0.0.0] [--port 8000]";

    // uvicorn options the stand-in accepts and ignores: they change nothing a deploy can observe here.
    private static readonly HashSet<string> IgnoredOptionsWithValue = new(StringComparer.Ordinal)
    {
        "--log-level", "--workers", "--root-path", "--timeout-keep-alive", "--forwarded-allow-ips", "--loop", "--http",
    };

    private static readonly HashSet<string> IgnoredSwitches = new(StringComparer.Ordinal)
    {
        "--proxy-headers", "--no-proxy-headers", "--no-access-log", "--access-log", "--no-server-header", "--no-date-header",
    };

    public static LaunchCommand Parse(IReadOnlyList<string> args)
    {
        if (args.Count < 3 || args[0] != "-m" || args[1] != "uvicorn")
        {
            var found = args.Count == 0 ? "no arguments" : $"'{string.Join(' ', args)}'";
            throw new StandinConfigurationException($"expected '-m uvicorn <module>:app ...' but found {found}. {Usage}");
        }
        var application = args[2];
        var role = ModuleCatalog.Resolve(application);
        var host = "127.0.0.1";
        var port = 8000;
        for (var i = 3; i < args.Count; i++)
        {
            var (name, inlineValue) = SplitOption(args[i]);
            switch (name)
            {
                case "--host":
                    host = ValueOf(name, inlineValue, args, ref i);
                    break;
                case "--port":
                    port = ParsePort(ValueOf(name, inlineValue, args, ref i));
                    break;
                case var o when IgnoredOptionsWithValue.Contains(o):
                    ValueOf(name, inlineValue, args, ref i);
                    break;
                case var s when IgnoredSwitches.Contains(s) && inlineValue is null:
                    break;
                default:
                    throw new StandinConfigurationException($"unknown uvicorn option '{args[i]}' (argument {i + 1}). {Usage}");
            }
        }
        return new LaunchCommand(role, application, host, port);
    }

    private static (string Name, string? InlineValue) SplitOption(string argument)
    {
        var equals = argument.IndexOf('=', StringComparison.Ordinal);
        return argument.StartsWith("--", StringComparison.Ordinal) && equals > 0
            ? (argument[..equals], argument[(equals + 1)..])
            : (argument, null);
    }

    private static string ValueOf(string name, string? inlineValue, IReadOnlyList<string> args, ref int index)
    {
        if (inlineValue is not null)
        {
            return inlineValue;
        }
        if (index + 1 >= args.Count || args[index + 1].StartsWith("--", StringComparison.Ordinal))
        {
            throw new StandinConfigurationException($"option {name} needs a value. {Usage}");
        }
        index++;
        return args[index];
    }

    private static int ParsePort(string raw)
    {
        if (int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is > 0 and <= 65535)
        {
            return port;
        }
        throw new StandinConfigurationException($"--port '{raw}' is not a TCP port: expected a whole number from 1 to 65535.");
    }
}
