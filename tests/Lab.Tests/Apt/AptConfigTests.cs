using Ktrdr.Deploy.Lab.Apt;
using Ktrdr.Deploy.Lab.Tests.Support;

namespace Ktrdr.Deploy.Lab.Tests.Apt;

public sealed class AptConfigTests
{
    // The shape of this machine's /etc/apt/sources.list.d/debian.sources, with a disabled third-party stanza.
    private const string Deb822 = """
        Types: deb
        # http://snapshot.debian.org/archive/debian/20250520T000000Z
        URIs: http://mirror.example/debian
        Suites: bookworm bookworm-updates
        Components: main
        Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg

        Types: deb
        URIs: http://mirror.example/debian-security
        Suites: bookworm-security
        Components: main

        Types: deb
        URIs: https://deb.nodesource.com/node_20.x
        Suites: nodistro
        Enabled: no
        """;

    private const string OneLine = """
        # the old format
        deb [arch=amd64 signed-by=/usr/share/keyrings/x.gpg] http://ftp.example/debian/ bookworm main contrib
        deb-src http://ftp.example/debian bookworm main
        deb http://security.example/debian-security bookworm-security main   # security
        """;

    private const string AptConf = """
        // a proxy, the way apt-cacher-ng setups write it
        Acquire::http::Proxy "http://10.1.2.3:3142";
        Acquire::Check-Valid-Until "false";
        # not carried:
        APT::Install-Recommends "false";
        DPkg::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb || true"; };
        """;

    [Fact]
    public void Deb822_stanzas_are_read_and_disabled_ones_skipped()
    {
        var sources = AptSourcesParser.ParseDeb822(Deb822);
        Assert.Equal(
            [("deb", "http://mirror.example/debian", "bookworm bookworm-updates"), ("deb", "http://mirror.example/debian-security", "bookworm-security")],
            sources.Select(s => (s.Type, s.Uri, string.Join(' ', s.Suites))));
    }

    [Fact]
    public void One_line_sources_are_read_with_options_and_comments_removed()
    {
        var sources = AptSourcesParser.ParseList(OneLine);
        Assert.Equal(
            [("deb", "http://ftp.example/debian/"), ("deb-src", "http://ftp.example/debian"), ("deb", "http://security.example/debian-security")],
            sources.Select(s => (s.Type, s.Uri)));
    }

    [Fact]
    public void Options_are_read_one_per_line_and_comments_skipped()
    {
        var options = AptConfParser.Parse(AptConf);
        Assert.Equal(["Acquire::http::Proxy", "Acquire::Check-Valid-Until", "APT::Install-Recommends"], options.Select(o => o.Key));
        Assert.Equal("http://10.1.2.3:3142", options[0].Value);
    }

    [Fact]
    public void The_mirror_security_mirror_and_proxy_of_the_host_are_carried_into_the_images()
    {
        var settings = AptSettings.Choose(AptSourcesParser.ParseList(OneLine), AptConfParser.Parse(AptConf));
        Assert.Equal("http://ftp.example/debian", settings.Mirror);
        Assert.Equal("http://security.example/debian-security", settings.SecurityMirror);
        Assert.Equal("http://10.1.2.3:3142", settings.HttpProxy);
        Assert.Equal(
            "deb http://ftp.example/debian bookworm main\ndeb http://ftp.example/debian bookworm-updates main\n" +
            "deb http://security.example/debian-security bookworm-security main\n", settings.SourcesList);
        Assert.Contains("Acquire::http::Proxy \"http://10.1.2.3:3142\";\n", settings.AptConf);
        Assert.Contains("Acquire::Check-Valid-Until \"false\";\n", settings.AptConf);
        Assert.DoesNotContain("Install-Recommends", settings.AptConf);
    }

    [Theory]
    [InlineData("DIRECT")]
    [InlineData("false")]
    public void A_proxy_switched_off_is_no_proxy(string value) =>
        Assert.Null(AptSettings.Choose([], [new AptOption("Acquire::http::Proxy", value)]).HttpProxy);

    [Fact]
    public void A_host_without_a_debian_source_falls_back_to_deb_debian_org()
    {
        var settings = AptSettings.Choose(AptSourcesParser.ParseList("deb http://archive.ubuntu.com/ubuntu jammy main\n"), []);
        Assert.Equal(AptSettings.DefaultMirror, settings.Mirror);
        Assert.Equal(AptSettings.DefaultSecurityMirror, settings.SecurityMirror);
        Assert.Null(settings.HttpProxy);
    }

    [Fact]
    public void The_hosts_apt_folder_is_read_from_every_file_kind()
    {
        using var etc = new ScratchDirectory();
        Directory.CreateDirectory(Path.Combine(etc.Path, "sources.list.d"));
        Directory.CreateDirectory(Path.Combine(etc.Path, "apt.conf.d"));
        File.WriteAllText(Path.Combine(etc.Path, "sources.list.d", "debian.sources"), Deb822);
        File.WriteAllText(Path.Combine(etc.Path, "sources.list.d", "other.list.disabled"), "deb http://wrong.example/debian bookworm main\n");
        File.WriteAllText(Path.Combine(etc.Path, "apt.conf.d", "01proxy"), AptConf);
        var settings = HostApt.Read(etc.Path);
        Assert.Equal("http://mirror.example/debian", settings.Mirror);
        Assert.Equal("http://mirror.example/debian-security", settings.SecurityMirror);
        Assert.Equal("http://10.1.2.3:3142", settings.HttpProxy);
    }
}
