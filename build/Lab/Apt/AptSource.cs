namespace Ktrdr.Deploy.Lab.Apt;

/// <summary>One apt source: type (deb, deb-src), URI and suites, from either source file format.</summary>
internal sealed record AptSource(string Type, string Uri, IReadOnlyList<string> Suites);
