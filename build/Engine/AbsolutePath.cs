namespace BuildEngine;

/// <summary>A full file-system path; <c>RootDirectory / "deploy" / "lab"</c> combines like Nuke's AbsolutePath.</summary>
public sealed record AbsolutePath
{
    public AbsolutePath(string path) => Value = System.IO.Path.GetFullPath(path);

    public string Value { get; }

    public string Name => System.IO.Path.GetFileName(Value.TrimEnd(System.IO.Path.DirectorySeparatorChar));

    public AbsolutePath? Parent => System.IO.Path.GetDirectoryName(Value) is { } parent ? new AbsolutePath(parent) : null;

    public static AbsolutePath operator /(AbsolutePath left, string right) => new(System.IO.Path.Combine(left.Value, right));

    public static implicit operator string(AbsolutePath path) => path.Value;

    public override string ToString() => Value;
}
