namespace Ktrdr.Deploy.Lab.Planning;

/// <summary>Picks the host port the lab registry is published on: 15000–15999, derived from the lab id, skipping busy ports.</summary>
internal static class PortChooser
{
    public const int First = 15000;
    public const int Count = 1000;

    public static int Choose(string labId, Func<int, bool> isFree)
    {
        var start = (int)(LabHash.Number("port:" + labId) % Count);
        for (var i = 0; i < Count; i++)
        {
            var port = First + (start + i) % Count;
            if (isFree(port)) return port;
        }
        throw new LabException($"every port in {First}–{First + Count - 1} is busy on 127.0.0.1; pass --lab-registry-port with a free one");
    }

    public static int Check(int port, Func<int, bool> isFree)
    {
        if (port is < 1024 or > 65535)
            throw new LabException($"--lab-registry-port: expected a port between 1024 and 65535, found {port}");
        if (!isFree(port))
            throw new LabException($"--lab-registry-port {port}: something already listens on 127.0.0.1:{port}. Pick another or leave the parameter out.");
        return port;
    }
}
