// The lab drives Docker, debootstrap and OpenSSH on a Linux machine: nothing of it runs elsewhere.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
