namespace Standin.Hosting;

/// <summary>A bad command line or environment variable; the message tells a person what to fix.</summary>
public sealed class StandinConfigurationException(string message) : Exception(message);
