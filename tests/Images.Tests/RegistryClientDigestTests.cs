using System.Net;
using System.Text;
using Ktrdr.Deploy.Images.Tests.Support;

namespace Ktrdr.Deploy.Images.Tests;

public sealed class RegistryClientDigestTests
{
    private static readonly string Digest = "sha256:" + new string('a', 64);
    private static readonly string BasicKtrdr = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("ktrdr:s3cret"));

    private static async Task<(string? Digest, StubRegistry Stub)> Ask(string registryUrl, string repository, Func<HttpRequestMessage, HttpResponseMessage> answer)
    {
        var stub = new StubRegistry(answer);
        using var http = new HttpClient(stub);
        var digest = await new RegistryClient(http).DigestAsync(registryUrl, repository, "sha-1a2b3c4", "ktrdr", "s3cret", CancellationToken.None);
        return (digest, stub);
    }

    [Fact]
    public async Task The_lab_registry_is_asked_over_http_and_answers_a_basic_login()
    {
        var (digest, stub) = await Ask("127.0.0.1:5000/ktrdr", "ktrdr-lab/postgres", request =>
            request.Headers.Authorization is null
                ? StubRegistry.Status(HttpStatusCode.Unauthorized, challenge: "Basic realm=\"Registry Realm\"")
                : StubRegistry.Status(HttpStatusCode.OK, digest: Digest));

        Assert.Equal(Digest, digest);
        Assert.Equal(2, stub.Requests.Count);
        Assert.All(stub.Requests, r =>
        {
            Assert.Equal(HttpMethod.Head, r.Method);
            Assert.Equal("http://127.0.0.1:5000/v2/ktrdr/ktrdr-lab/postgres/manifests/sha-1a2b3c4", r.Url);
            Assert.Contains("application/vnd.oci.image.index.v1+json", r.Accept);
            Assert.Contains("application/vnd.docker.distribution.manifest.v2+json", r.Accept);
        });
        Assert.Null(stub.Requests[0].Authorization);
        Assert.Equal(BasicKtrdr, stub.Requests[1].Authorization);
    }

    [Fact]
    public async Task Ghcr_is_asked_over_https_with_a_token_bought_from_the_challenge_realm()
    {
        var (digest, stub) = await Ask("ghcr.io/kpiteira", "ktrdr-backend", request => (request.Method.Method, request.Headers.Authorization?.Scheme) switch
        {
            ("HEAD", null) => StubRegistry.Status(HttpStatusCode.Unauthorized,
                challenge: "Bearer realm=\"https://ghcr.io/token\",service=\"ghcr.io\",scope=\"repository:kpiteira/ktrdr-backend:pull\""),
            ("GET", "Basic") => StubRegistry.Status(HttpStatusCode.OK, body: "{\"token\":\"djE6a3BpdGVpcmE=\"}"),
            ("HEAD", "Bearer") => StubRegistry.Status(HttpStatusCode.OK, digest: Digest),
            _ => StubRegistry.Status(HttpStatusCode.BadRequest),
        });

        Assert.Equal(Digest, digest);
        Assert.Equal(
            [(HttpMethod.Head, "https://ghcr.io/v2/kpiteira/ktrdr-backend/manifests/sha-1a2b3c4", (string?)null),
             (HttpMethod.Get, "https://ghcr.io/token?service=ghcr.io&scope=repository%3Akpiteira%2Fktrdr-backend%3Apull", BasicKtrdr),
             (HttpMethod.Head, "https://ghcr.io/v2/kpiteira/ktrdr-backend/manifests/sha-1a2b3c4", "Bearer djE6a3BpdGVpcmE=")],
            stub.Requests.Select(r => (r.Method, r.Url, r.Authorization)));
    }

    [Fact]
    public async Task A_tag_the_registry_does_not_have_gives_no_digest()
    {
        var (digest, _) = await Ask("127.0.0.1:5000/ktrdr", "ktrdr-backend", _ => StubRegistry.Status(HttpStatusCode.NotFound));
        Assert.Null(digest);
    }

    [Fact]
    public async Task A_refused_login_says_to_check_the_token()
    {
        var e = await Assert.ThrowsAsync<ImageException>(() => Ask("127.0.0.1:5000/ktrdr", "ktrdr-backend",
            _ => StubRegistry.Status(HttpStatusCode.Unauthorized, challenge: "Basic realm=\"Registry Realm\"")));
        Assert.Contains("'ktrdr'", e.Message, StringComparison.Ordinal);
        Assert.Contains("token", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_ok_without_a_digest_header_is_not_a_registry()
    {
        var e = await Assert.ThrowsAsync<ImageException>(() => Ask("127.0.0.1:5000/ktrdr", "ktrdr-backend", _ => StubRegistry.Status(HttpStatusCode.OK)));
        Assert.Contains("Docker-Content-Digest", e.Message, StringComparison.Ordinal);
    }
}
