// The layout tests run real shell scripts on real directories as root, and read Unix modes: they need Linux.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
