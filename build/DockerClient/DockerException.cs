namespace Ktrdr.Deploy.DockerClient;

/// <summary>A docker command failed; the message names the command, the daemon and docker's own last lines.</summary>
public sealed class DockerException : Exception
{
    public DockerException(string message) : base(message) { }

    public DockerException(string message, Exception inner) : base(message, inner) { }
}
