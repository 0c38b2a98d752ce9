using CliWrap;
using CliWrap.Buffered;

namespace Ktrdr.Deploy.Remote.Tests.Fixtures;

/// <summary>Runs a real program for the fixtures (ssh-keygen, useradd, ...) and fails loudly when it fails.</summary>
public static class Tool
{
    public static async Task<string> RunAsync(string program, params string[] arguments)
    {
        var result = await Cli.Wrap(program).WithArguments(arguments).WithValidation(CommandResultValidation.None).ExecuteBufferedAsync();
        return result.IsSuccess
            ? result.StandardOutput
            : throw new InvalidOperationException(
                $"'{program} {string.Join(' ', arguments)}' failed with exit code {result.ExitCode}: {result.StandardError}");
    }

    /// <summary>The SHA256 fingerprint of a public key file as OpenSSH prints it.</summary>
    public static async Task<string> FingerprintAsync(string publicKeyFile) =>
        (await RunAsync("ssh-keygen", "-lf", publicKeyFile)).Split(' ')[1];

    /// <summary>"ssh-ed25519 AAAA..." from a .pub file (the comment dropped).</summary>
    public static string KeyOf(string publicKeyFile) =>
        string.Join(' ', File.ReadAllText(publicKeyFile).Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(2));

    public static async Task<string> NewKeyAsync(string directory, string name)
    {
        var path = Path.Combine(directory, name);
        await RunAsync("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", name, "-f", path);
        return path;
    }
}
