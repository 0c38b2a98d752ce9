namespace Ktrdr.Deploy.Rendering.Compose;

/// <summary>A worker slot's type, read from the uvicorn module its command starts (as the real image's commands do).</summary>
public static class WorkerModules
{
    /// <summary>uvicorn module → the worker_type the backend records.</summary>
    public static readonly IReadOnlyDictionary<string, string> Types = new Dictionary<string, string>
    {
        ["ktrdr.backtesting.backtest_worker:app"] = "backtesting",
        ["ktrdr.training.training_worker:app"] = "training",
    };

    /// <summary>The module named after <c>uvicorn</c> in the command, or null.</summary>
    public static string? Module(ComposeService service) => service.Command.SkipWhile(a => a != "uvicorn").Skip(1).FirstOrDefault();

    /// <summary>backtesting or training; null when the command starts no known worker module.</summary>
    public static string? TypeOf(ComposeService service) =>
        Module(service) is { } module && Types.TryGetValue(module, out var type) ? type : null;
}
