// Ktrdr.Deploy.Images is Linux-only (it drives the docker client); so are its tests (CA1416).
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
