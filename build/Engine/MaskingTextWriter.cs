using System.Text;

namespace BuildEngine;

/// <summary>
/// A line-buffered writer that masks secrets in each complete line before passing it on, so a secret written
/// in several pieces is still caught. Does not own (or dispose) the inner writer.
/// </summary>
public sealed class MaskingTextWriter(TextWriter inner) : TextWriter
{
    private readonly StringBuilder pending = new();
    private readonly Lock gate = new();

    public override Encoding Encoding => inner.Encoding;

    public override void Write(char value) => Append(value.ToString());

    public override void Write(string? value) => Append(value ?? "");

    public override void Write(char[] buffer, int index, int count) => Append(new string(buffer, index, count));

    public override void Flush()
    {
        lock (gate)
        {
            inner.Write(SecretMasker.Mask(pending.ToString()));
            pending.Clear();
            inner.Flush();
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
            Flush();
        base.Dispose(disposing);
    }

    private void Append(string text)
    {
        lock (gate)
        {
            pending.Append(text);
            var end = pending.ToString().LastIndexOf('\n');
            if (end < 0)
                return;
            inner.Write(SecretMasker.Mask(pending.ToString(0, end + 1)));
            pending.Remove(0, end + 1);
        }
    }
}
