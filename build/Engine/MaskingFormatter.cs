using Serilog.Events;
using Serilog.Formatting;

namespace BuildEngine;

/// <summary>
/// Wraps a Serilog formatter: the complete rendered event (template, properties, exception) is masked before
/// it reaches the sink's writer.
/// </summary>
public sealed class MaskingFormatter(ITextFormatter inner) : ITextFormatter
{
    public void Format(LogEvent logEvent, TextWriter output)
    {
        var buffer = new StringWriter();
        inner.Format(logEvent, buffer);
        output.Write(SecretMasker.Mask(buffer.ToString()));
    }
}
