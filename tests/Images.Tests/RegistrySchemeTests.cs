namespace Ktrdr.Deploy.Images.Tests;

public sealed class RegistrySchemeTests
{
    [Theory]
    [InlineData("127.0.0.1:5000")]
    [InlineData("127.0.0.1")]
    [InlineData("127.0.5.9:15123")]
    [InlineData("localhost:5000")]
    [InlineData("localhost")]
    public void Loopback_registries_are_spoken_to_over_http(string host) =>
        Assert.Equal("http", RegistryClient.Scheme(host));

    [Theory]
    [InlineData("ghcr.io")]
    [InlineData("registry.ktrdr.lab:5000")]
    [InlineData("172.20.5.2:5000")]
    [InlineData("localhost.example.com:5000")]
    public void Every_other_registry_is_spoken_to_over_https(string host) =>
        Assert.Equal("https", RegistryClient.Scheme(host));

    [Theory]
    [InlineData("[::1]:5000")]
    [InlineData("[::1]")]
    [InlineData("LOCALHOST:5000")]
    public void Ipv6_loopback_and_any_case_of_localhost_are_loopback_too(string host) =>
        Assert.Equal("http", RegistryClient.Scheme(host));
}
