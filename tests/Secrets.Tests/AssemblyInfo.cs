// These tests chmod real files and run a POSIX sh script as a fake `op`: they need Linux.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
