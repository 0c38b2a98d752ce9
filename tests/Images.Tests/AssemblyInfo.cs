// Ktrdr.Deploy.Images is Linux-only (it drives the lab's DockerCli); so are its tests (CA1416).
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
