using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting;

namespace BuildEngine;

/// <summary>Serilog sink writing formatted events to a <see cref="TextWriter"/> (the run's console output).</summary>
public sealed class TextWriterSink(ITextFormatter formatter, TextWriter output) : ILogEventSink
{
    private readonly Lock gate = new();

    public void Emit(LogEvent logEvent)
    {
        lock (gate)
        {
            formatter.Format(logEvent, output);
            output.Flush();
        }
    }
}
