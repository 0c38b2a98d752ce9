namespace Ktrdr.Deploy.Commands.Layout;

/// <summary>Permission bits written the way people and chmod read them.</summary>
internal static class OctalMode
{
    /// <summary>"2775", "664": as <c>stat -c %a</c> prints and as topology.yml writes.</summary>
    public static string Text(int mode) => Convert.ToString(mode, 8);

    /// <summary>
    /// "02775", "00664": a leading zero beyond four digits, because GNU chmod keeps a directory's setgid bit for a
    /// shorter numeric mode, so "775" could never clear it.
    /// </summary>
    public static string ForChmod(int mode) => "0" + Text(mode).PadLeft(4, '0');

    public static bool TryParse(string text, out int mode)
    {
        mode = 0;
        if (text.Length is 0 or > 5 || text.Any(c => c is < '0' or > '7')) return false;
        mode = Convert.ToInt32(text, 8);
        return true;
    }
}
