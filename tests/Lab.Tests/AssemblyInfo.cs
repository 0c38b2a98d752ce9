// The lab is Docker, debootstrap and OpenSSH on Linux; so are its tests.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
