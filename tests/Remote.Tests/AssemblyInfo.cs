// These tests run a real sshd, read /proc and create Unix users: they need Linux.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
