namespace Ktrdr.Deploy.Remote.Execution;

/// <summary>What a transport actually sends: a command line without secrets, and the bytes for its standard input.</summary>
internal sealed record WrappedCommand(string CommandLine, byte[] StandardInput);

/// <summary>What a transport got back from the process.</summary>
internal sealed record ProcessOutput(int ExitCode, string StandardOutput, string StandardError);
