using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Commands.Tests.Support;
using Ktrdr.Deploy.Commands.Swarm;
using Ktrdr.Deploy.Remote;
using Ktrdr.Deploy.Remote.Local;

namespace Commands.Tests.Swarm;

/// <summary>
/// Contract tests of the join program: the real script, run by a real shell and perl through the local executor, against
/// a socket that answers as the Docker daemon's <c>POST /swarm/join</c> does (a real daemon would join this machine to a
/// swarm; the lab proves that part). The token arrives in the request body, having travelled on standard input only.
/// </summary>
public class JoinProgramContractTests
{
    private const string Token = "SWMTKN-1-3pu6hszjas19xyp7ghgosyx9k8atbfcr8p2is99znpy26u2lkl-1awxwuwd3z9j1z3puu7rcgdbx";

    [Fact]
    public async Task The_join_posts_token_manager_and_address_to_the_daemon()
    {
        using var tree = new TempTree();
        var (result, request) = await RunAgainstAsync(tree.Path("docker.sock"), "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n");

        Assert.True(result.Succeeded, result.StandardError);
        Assert.StartsWith("POST /v1.41/swarm/join HTTP/1.0\r\n", request);
        var body = JsonDocument.Parse(request[(request.IndexOf("\r\n\r\n", StringComparison.Ordinal) + 4)..]).RootElement;
        Assert.Equal(Token, body.GetProperty("JoinToken").GetString());
        Assert.Equal("10.9.8.7:2377", body.GetProperty("RemoteAddrs")[0].GetString());
        Assert.Equal("10.9.8.8", body.GetProperty("AdvertiseAddr").GetString());
    }

    [Fact]
    public async Task A_refused_join_fails_with_the_daemons_message_and_never_the_token()
    {
        using var tree = new TempTree();
        var (result, _) = await RunAgainstAsync(tree.Path("docker.sock"),
            "HTTP/1.1 503 Service Unavailable\r\nContent-Type: application/json\r\n\r\n{\"message\":\"This node is already part of a swarm.\"}\n");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("refused the join (HTTP 503)", result.StandardError);
        Assert.Contains("already part of a swarm", result.StandardError);
        Assert.DoesNotContain(Token, result.StandardError + result.StandardOutput);
    }

    private static async Task<(CommandResult Result, string Request)> RunAgainstAsync(string socketPath, string answer)
    {
        using var listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        listener.Bind(new UnixDomainSocketEndPoint(socketPath));
        listener.Listen(1);
        var served = ServeOnceAsync(listener, answer);
        var join = SwarmCommands.Join(Token, "10.9.8.7", "10.9.8.8");
        var command = join with { Script = $"DOCKER_HOST='unix://{socketPath}'; export DOCKER_HOST; {join.Script}" };
        await using var executor = new LocalExecutor();
        var result = await executor.RunAsync(command, default);
        return (result, await served.WaitAsync(TimeSpan.FromSeconds(30)));
    }

    /// <summary>Reads one HTTP/1.0 request (headers, then Content-Length bytes), answers, closes.</summary>
    private static async Task<string> ServeOnceAsync(Socket listener, string answer)
    {
        using var client = await listener.AcceptAsync();
        var received = new StringBuilder();
        var buffer = new byte[4096];
        while (true)
        {
            var n = await client.ReceiveAsync(buffer);
            if (n == 0) break;
            received.Append(Encoding.UTF8.GetString(buffer, 0, n));
            var text = received.ToString();
            var end = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
            if (end < 0) continue;
            var length = text.Split("\r\n").Where(l => l.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
                .Select(l => int.Parse(l.Split(':')[1].Trim())).FirstOrDefault();
            if (Encoding.UTF8.GetByteCount(text[(end + 4)..]) >= length) break;
        }
        await client.SendAsync(Encoding.UTF8.GetBytes(answer));
        client.Shutdown(SocketShutdown.Both);
        return received.ToString();
    }
}
