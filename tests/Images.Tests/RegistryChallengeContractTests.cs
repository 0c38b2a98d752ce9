using System.Net;
using System.Net.Http.Headers;

namespace Ktrdr.Deploy.Images.Tests;

/// <summary>The shape of GHCR's answer to an anonymous manifest HEAD: <c>401</c> with a Bearer challenge.</summary>
public sealed class RegistryChallengeContractTests
{
    private const string GhcrParameters = "realm=\"https://ghcr.io/token\",service=\"ghcr.io\",scope=\"repository:kpiteira/ktrdr-backend:pull\"";

    private static void AssertGhcrFields(IReadOnlyDictionary<string, string> fields)
    {
        Assert.Equal(3, fields.Count);
        Assert.Equal("https://ghcr.io/token", fields["realm"]);
        Assert.Equal("ghcr.io", fields["service"]);
        Assert.Equal("repository:kpiteira/ktrdr-backend:pull", fields["scope"]);
    }

    [Fact]
    public void Ghcr_challenge_parameters_give_realm_service_and_scope() =>
        AssertGhcrFields(RegistryClient.Challenge(GhcrParameters));

    [Fact]
    public void The_www_authenticate_header_as_http_client_reads_it_gives_the_same_fields()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.Unauthorized);
        response.Headers.TryAddWithoutValidation("WWW-Authenticate", "Bearer " + GhcrParameters);

        var bearer = Assert.Single(response.Headers.WwwAuthenticate);
        Assert.Equal("Bearer", bearer.Scheme);
        AssertGhcrFields(RegistryClient.Challenge(bearer.Parameter!));
    }

    [Fact]
    public void Names_are_case_insensitive_and_spaces_after_commas_are_ignored()
    {
        var fields = RegistryClient.Challenge("Realm=\"https://auth.docker.io/token\", Service=\"registry.docker.io\"");

        Assert.Equal("https://auth.docker.io/token", fields["realm"]);
        Assert.Equal("registry.docker.io", fields["SERVICE"]);
        Assert.False(fields.ContainsKey("scope"));
    }

    [Fact]
    public void A_basic_challenge_is_a_realm_only() =>
        Assert.Equal("Registry Realm", Assert.Single(RegistryClient.Challenge(AuthenticationHeaderValue.Parse("Basic realm=\"Registry Realm\"").Parameter!)).Value);
}
