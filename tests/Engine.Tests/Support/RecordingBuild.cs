using BuildEngine;

namespace Engine.Tests.Support;

/// <summary>A build whose targets append their name to a file under the root, so a test sees what really ran.</summary>
public abstract class RecordingBuild : NukeBuild
{
    public const string ExecutedFile = "executed.txt";

    protected void Record(string name) => File.AppendAllText(RootDirectory / ExecutedFile, name + "\n");
}
