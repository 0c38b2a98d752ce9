using System.Globalization;
using System.Text;

namespace Standin.Metrics;

/// <summary>Writes the Prometheus text exposition format (version 0.0.4).</summary>
public sealed class PrometheusTextWriter
{
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    private readonly StringBuilder text = new();

    public PrometheusTextWriter Family(string name, string type, string help)
    {
        text.Append("# HELP ").Append(name).Append(' ').Append(help.Replace("\\", "\\\\").Replace("\n", "\\n")).Append('\n');
        text.Append("# TYPE ").Append(name).Append(' ').Append(type).Append('\n');
        return this;
    }

    public PrometheusTextWriter Sample(string name, double value, IReadOnlyList<KeyValuePair<string, string>>? labels = null)
    {
        text.Append(name);
        if (labels is { Count: > 0 })
        {
            text.Append('{');
            text.AppendJoin(',', labels.Select(l => $"{l.Key}=\"{EscapeLabel(l.Value)}\""));
            text.Append('}');
        }
        text.Append(' ').Append(FormatValue(value)).Append('\n');
        return this;
    }

    public override string ToString() => text.ToString();

    public static string FormatValue(double value) => value switch
    {
        double.PositiveInfinity => "+Inf",
        double.NegativeInfinity => "-Inf",
        double.NaN => "NaN",
        _ => value.ToString("R", CultureInfo.InvariantCulture),
    };

    private static string EscapeLabel(string value) =>
        value.Replace("\\", "\\\\").Replace("\"", "\\\"").Replace("\n", "\\n");
}
