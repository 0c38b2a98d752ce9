using Ktrdr.Deploy.Commands.Drift;
using Ktrdr.Deploy.Rollout.Deploy;
using Ktrdr.Deploy.Rollout.Drift;

namespace Rollout.Tests.Drift;

/// <summary>When the config hashes a deploy recorded stand in for compose's own, and the salted digest of the secrets behind them.</summary>
public class RecordedConfigTests
{
    private static readonly IReadOnlyDictionary<string, string> Secrets = new Dictionary<string, string> { ["DB_PASSWORD"] = "hunter2", ["JWT_SECRET"] = "j" };

    private static string Stamp(string bundle = "b1", IReadOnlyDictionary<string, string>? hashes = null, string? digest = null) =>
        new DeployStamp(bundle, new Dictionary<string, string>(), ["worker-1"])
        {
            ConfigHashes = hashes ?? new Dictionary<string, string> { ["worker-1"] = "c0ffee" },
            SecretsDigest = digest ?? SecretsDigest.Create(Secrets),
        }.ToJson();

    private static NodeFacts Node(string? stamp, params RunningContainer[] containers) =>
        DriftFacts.Node(stamp: stamp, hashes: null, containers: containers.Length == 0 ? [DriftFacts.Container()] : containers) with { ConfigHashes = null };

    [Fact]
    public void The_record_vouches_when_the_stamp_is_for_this_bundle_every_container_carries_its_recorded_hash_and_the_secrets_are_the_same() =>
        Assert.Equal(new Dictionary<string, string> { ["worker-1"] = "c0ffee" }, RecordedConfig.Vouched("b1", Node(Stamp()), Secrets));

    [Fact]
    public void A_rotated_secret_an_added_one_or_a_stamp_of_another_bundle_leaves_it_to_compose()
    {
        Assert.Null(RecordedConfig.Vouched("b1", Node(Stamp()), new Dictionary<string, string> { ["DB_PASSWORD"] = "hunter3", ["JWT_SECRET"] = "j" }));
        Assert.Null(RecordedConfig.Vouched("b1", Node(Stamp()), new Dictionary<string, string>(Secrets) { ["GHCR_TOKEN"] = "t" }));
        Assert.Null(RecordedConfig.Vouched("b2", Node(Stamp()), Secrets));
    }

    [Fact]
    public void A_container_recreated_with_another_configuration_or_of_a_service_not_recorded_leaves_it_to_compose()
    {
        Assert.Null(RecordedConfig.Vouched("b1", Node(Stamp(), DriftFacts.Container(configHash: "0ther")), Secrets));
        Assert.Null(RecordedConfig.Vouched("b1", Node(Stamp(), DriftFacts.Container(), DriftFacts.Container(service: "worker-2")), Secrets));
    }

    [Fact]
    public void A_stamp_without_a_record_an_unreadable_one_or_a_mangled_digest_leaves_it_to_compose()
    {
        Assert.Null(RecordedConfig.Vouched("b1", Node("{\"bundleHash\":\"b1\",\"images\":{},\"services\":[\"worker-1\"]}"), Secrets));
        Assert.Null(RecordedConfig.Vouched("b1", Node("not json"), Secrets));
        Assert.Null(RecordedConfig.Vouched("b1", Node(Stamp(digest: "pbkdf2-sha256$20000$!!$x")), Secrets));
        Assert.Null(RecordedConfig.Vouched("b1", Node(Stamp(digest: "sha256$x")), Secrets));
    }

    [Fact]
    public void Without_containers_there_is_nothing_to_hash() =>
        Assert.Empty(RecordedConfig.Vouched("b1", DriftFacts.Node(stamp: null, containers: []) with { ConfigHashes = null }, Secrets)!);

    [Fact]
    public void The_digest_is_salted_and_slow_holds_no_value_and_matches_exactly_the_names_and_values_it_was_made_from()
    {
        var first = SecretsDigest.Create(Secrets);
        var second = SecretsDigest.Create(Secrets);

        Assert.NotEqual(first, second);   // a fresh salt each time
        Assert.Matches(@"^pbkdf2-sha256\$20000\$[A-Za-z0-9+/=]{24}\$[A-Za-z0-9+/=]{44}$", first);
        Assert.DoesNotContain("hunter2", first);
        Assert.True(SecretsDigest.Matches(first, Secrets) && SecretsDigest.Matches(second, Secrets));
        Assert.False(SecretsDigest.Matches(first, new Dictionary<string, string> { ["DB_PASSWORD"] = "hunter2" }));
        // the names count: the same values under other names are other secrets
        Assert.False(SecretsDigest.Matches(first, new Dictionary<string, string> { ["DB_PASSWORD"] = "j", ["JWT_SECRET"] = "hunter2" }));
        Assert.False(SecretsDigest.Matches(null, Secrets));
    }

    [Fact]
    public void The_stamp_keeps_the_record_through_its_file()
    {
        var stamp = DeployStamp.Parse(Stamp())!;

        Assert.Equal(new Dictionary<string, string> { ["worker-1"] = "c0ffee" }, stamp.ConfigHashes);
        Assert.True(SecretsDigest.Matches(stamp.SecretsDigest, Secrets));
        Assert.True(stamp.SameTarget(new DeployStamp("b1", new Dictionary<string, string>(), [])));   // the record is no part of the wish
    }
}
