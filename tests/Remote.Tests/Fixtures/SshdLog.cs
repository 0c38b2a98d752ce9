using System.Diagnostics;
using System.Text;

namespace Ktrdr.Deploy.Remote.Tests.Fixtures;

/// <summary>What sshd writes on stderr (-e), kept to count logins and failed attempts.</summary>
public sealed class SshdLog
{
    private readonly StringBuilder _text = new();

    public string Text
    {
        get
        {
            lock (_text)
            {
                return _text.ToString();
            }
        }
    }

    public Process Attach(Process sshd)
    {
        sshd.ErrorDataReceived += (_, line) => Append(line.Data);
        sshd.OutputDataReceived += (_, line) => Append(line.Data);
        sshd.BeginErrorReadLine();
        sshd.BeginOutputReadLine();
        return sshd;
    }

    /// <summary>How many lines so far contain the text, e.g. "Accepted publickey for root".</summary>
    public int Count(string text) =>
        Text.Split('\n').Count(line => line.Contains(text, StringComparison.Ordinal));

    /// <summary>
    /// How many lines containing the text arrived after <paramref name="mark"/> (an earlier <see cref="Count"/>): waits
    /// until at least <paramref name="expected"/> did, since sshd logs a moment after the client moves on, then lets late ones in.
    /// </summary>
    public async Task<int> CountSinceAsync(string text, int mark, int expected)
    {
        for (var attempt = 0; attempt < 250 && Count(text) - mark < expected; attempt++)
        {
            await Task.Delay(20);
        }

        await Task.Delay(300);
        return Count(text) - mark;
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_text)
        {
            _text.Append(line).Append('\n');
        }
    }
}
